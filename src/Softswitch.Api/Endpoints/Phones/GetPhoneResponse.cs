using Softswitch.Api.Vos;

namespace Softswitch.Api.Endpoints.Phones;

/// <summary>GetPhone answer (001_… §3.9).</summary>
public sealed record GetPhoneResponse : VosResponse
{
    public IReadOnlyList<InfoPhone> InfoPhones { get; init; } = [];
}
