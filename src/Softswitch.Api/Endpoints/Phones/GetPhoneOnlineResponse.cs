using Softswitch.Api.Vos;

namespace Softswitch.Api.Endpoints.Phones;

/// <summary>GetPhoneOnline answer (001_… §3.10).</summary>
public sealed record GetPhoneOnlineResponse : VosResponse
{
    public IReadOnlyList<InfoPhoneOnline> InfoPhoneOnlines { get; init; } = [];
}
