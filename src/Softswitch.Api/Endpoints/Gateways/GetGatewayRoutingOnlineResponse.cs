using Softswitch.Api.Vos;

namespace Softswitch.Api.Endpoints.Gateways;

/// <summary>GetGatewayRoutingOnline answer (001_… §3.20).</summary>
public sealed record GetGatewayRoutingOnlineResponse : VosResponse
{
    public IReadOnlyList<InfoGatewayRoutingOnline> InfoGatewayRoutingOnlines { get; init; } = [];
}
