namespace Softswitch.Core.Cdrs;

/// <summary>
/// A GetCdr search (001_… §3.47): the accounts, the start-time range [From, To), and the optional exact-match
/// filters the manual lists (callerE164, calleeE164, callerGateway, calleeGateway).
/// </summary>
public sealed record CdrQuery
{
    public required IReadOnlyList<string> Accounts { get; init; }
    public required DateTimeOffset From { get; init; }
    public required DateTimeOffset To { get; init; }
    public string? CallerE164 { get; init; }
    public string? CalleeE164 { get; init; }
    public string? CallerGateway { get; init; }
    public string? CalleeGateway { get; init; }
}
