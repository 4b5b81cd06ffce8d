namespace Softswitch.Core.TextMessages;

/// <summary>Recorded messages of some accounts in a time range [From, To), optionally of one sender or callee.</summary>
public sealed record TextMessageQuery
{
    public required IReadOnlyList<string> Accounts { get; init; }
    public required DateTimeOffset From { get; init; }
    public required DateTimeOffset To { get; init; }
    public string? CallerE164 { get; init; }
    public string? CalleeE164 { get; init; }
}
