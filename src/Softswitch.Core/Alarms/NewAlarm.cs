namespace Softswitch.Core.Alarms;

/// <summary>CreateAlarm input (001_… §3.85), as received: every field may be absent.</summary>
public sealed record NewAlarm
{
    public string? Name { get; init; }
    public int? Level { get; init; }
    public double? Value { get; init; }
    public string? AlarmInfo { get; init; }
    public long? StartTime { get; init; }
    public long? StopTime { get; init; }
    public double? Upper { get; init; }
    public double? Lower { get; init; }
}
