using Softswitch.Api.Vos;
using Softswitch.Core.Phones;

namespace Softswitch.Api.Endpoints.Phones;

/// <summary>GetPhone answer (001_… §3.9): each InfoPhone is Core's phone record as is (its JSON names are the manual's).</summary>
public sealed record GetPhoneResponse : VosResponse
{
    public IReadOnlyList<Phone> InfoPhones { get; init; } = [];
}
