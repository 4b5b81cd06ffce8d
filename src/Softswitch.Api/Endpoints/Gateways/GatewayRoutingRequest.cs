using Softswitch.Core.Gateways;

namespace Softswitch.Api.Endpoints.Gateways;

/// <summary>
/// CreateGatewayRouting (001_… §3.16) and ModifyGatewayRouting (§3.17) bodies: the gateway name plus every field of
/// Core's change record, whose property names are the manual's. Null = not given.
/// </summary>
public sealed record GatewayRoutingRequest : RoutingGatewayChanges, IGatewayRequest
{
    public string? Name { get; init; }
}
