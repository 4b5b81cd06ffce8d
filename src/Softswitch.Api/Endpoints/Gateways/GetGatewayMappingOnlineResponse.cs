using Softswitch.Api.Vos;

namespace Softswitch.Api.Endpoints.Gateways;

/// <summary>GetGatewayMappingOnline answer (001_… §3.15).</summary>
public sealed record GetGatewayMappingOnlineResponse : VosResponse
{
    public IReadOnlyList<InfoGatewayMappingOnline> InfoGatewayMappingOnlines { get; init; } = [];
}
