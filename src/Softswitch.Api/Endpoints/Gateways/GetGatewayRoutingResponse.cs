using Softswitch.Api.Vos;
using Softswitch.Core.Gateways;

namespace Softswitch.Api.Endpoints.Gateways;

/// <summary>GetGatewayRouting answer (001_… §3.19): InfoGatewayRouting is Core's record as is (the manual's names).</summary>
public sealed record GetGatewayRoutingResponse : VosResponse
{
    public IReadOnlyList<RoutingGateway> InfoGatewayRoutings { get; init; } = [];
}
