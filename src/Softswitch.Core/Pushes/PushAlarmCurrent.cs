namespace Softswitch.Core.Pushes;

/// <summary>
/// One InfoAlarmCurrent (001_… §3.88) as the AlarmCurrentReport push carries it (§4.7). Kept in the push area so the
/// alarm code can map its own model onto it; times are milliseconds since 1970-01-01 UTC.
/// </summary>
public sealed record PushAlarmCurrent
{
    public required int Id { get; init; }

    /// <summary>20000…20028 (§3.88).</summary>
    public required int Type { get; init; }

    /// <summary>0 general, 1 minor, 2 major, 3 critical.</summary>
    public required int Level { get; init; }
    public required string Name { get; init; }
    public required long StartTime { get; init; }
    public long? StopTime { get; init; }
    public required double Value { get; init; }
    public double? Upper { get; init; }
    public double? Lower { get; init; }
    public string? ConfirmUser { get; init; }
    public long? ConfirmTime { get; init; }
    public string Memo { get; init; } = "";
}
