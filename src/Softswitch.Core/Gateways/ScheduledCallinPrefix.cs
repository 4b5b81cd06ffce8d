namespace Softswitch.Core.Gateways;

/// <summary>
/// InfoScheduledCallinPrefixes (001_… §3.16 时段呼叫限制): on the given days, between beginTime and endTime (seconds
/// of the day, 0-86400), allow (1) or forbid (0) callers (type 0) or callees (type 1) starting with a prefix. Every
/// field is M; nullable only so a missing one is reported by name instead of read as 0.
/// </summary>
public sealed record ScheduledCallinPrefix
{
    /// <summary>星期几 0:Sunday … 6:Saturday.</summary>
    public IReadOnlyList<int>? Days { get; init; }

    public int? BeginTime { get; init; }

    public int? EndTime { get; init; }

    /// <summary>0:forbid 1:allow.</summary>
    public int? Action { get; init; }

    /// <summary>0:caller 1:callee.</summary>
    public int? Type { get; init; }

    public IReadOnlyList<string>? Prefixes { get; init; }
}
