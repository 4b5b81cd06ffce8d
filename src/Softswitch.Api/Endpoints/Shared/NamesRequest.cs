namespace Softswitch.Api.Endpoints.Shared;

/// <summary>
/// GetGatewayMapping (001_… §3.13), GetGatewayRouting (§3.19), GetLimitE164Group (§3.70): names to look up; absent
/// means all.
/// </summary>
public sealed record NamesRequest
{
    public IReadOnlyList<string>? Names { get; init; }
}
