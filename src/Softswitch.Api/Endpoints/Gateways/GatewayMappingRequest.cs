using Softswitch.Core.Gateways;

namespace Softswitch.Api.Endpoints.Gateways;

/// <summary>
/// CreateGatewayMapping (001_… §3.11) and ModifyGatewayMapping (§3.12) bodies: the gateway name plus every field of
/// Core's change record, whose property names are the manual's. Null = not given.
/// </summary>
public sealed record GatewayMappingRequest : MappingGatewayChanges, IGatewayRequest
{
    public string? Name { get; init; }
}
