using Softswitch.Api.Vos;

namespace Softswitch.Api.Endpoints.Phones;

/// <summary>GetAllPhoneOnline answer (001_… §3.83).</summary>
public sealed record GetAllPhoneOnlineResponse : VosResponse
{
    public IReadOnlyList<string> E164s { get; init; } = [];
}
