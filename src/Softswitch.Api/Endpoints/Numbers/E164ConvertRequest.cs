namespace Softswitch.Api.Endpoints.Numbers;

/// <summary>CreateE164Convert / ModifyE164Convert / DeleteE164Convert bodies (001_… §3.79-§3.81). Null = not given.</summary>
public sealed record E164ConvertRequest
{
    public int? Id { get; init; }
    public string? MappingGatewayCallerE164 { get; init; }
    public string? E164 { get; init; }
    public string? RoutingGatewayCalleeE164 { get; init; }
    public string? Memo { get; init; }
}
