namespace Softswitch.Api.Endpoints.Calls;

/// <summary>GetCurrentCall body (001_… §3.21): every filter optional; none given lists every live call.</summary>
public sealed record GetCurrentCallRequest
{
    public IReadOnlyList<string>? CallerE164s { get; init; }
    public IReadOnlyList<string>? CalleeE164s { get; init; }
    public string? GatewayMappingName { get; init; }
    public string? GatewayRoutingName { get; init; }
}
