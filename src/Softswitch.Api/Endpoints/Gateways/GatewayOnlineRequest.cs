namespace Softswitch.Api.Endpoints.Gateways;

/// <summary>GetGatewayMappingOnline (001_… §3.15) / GetGatewayRoutingOnline (§3.20): both filters optional.</summary>
public sealed record GatewayOnlineRequest
{
    public IReadOnlyList<string>? Names { get; init; }
    public string? SoftswitchName { get; init; }
}
