namespace Softswitch.Core.Alarms;

/// <summary>
/// A current alarm (001_… §3.88 InfoAlarmCurrent). Alarms raised through CreateAlarm (§3.85) carry
/// <see cref="ExternalType"/>: the manual's type table lists only the switch's own monitors (20000-20028).
/// </summary>
public sealed record Alarm
{
    /// <summary>Type of an alarm created through the interface; none of the manual's 200xx monitor types fits.</summary>
    public const int ExternalType = 0;

    /// <summary>The manual's default value, 0x7fffffff (§3.85 "默认值:0x7fffffff").</summary>
    public const double DefaultValue = int.MaxValue;

    public long Id { get; init; }
    public int Type { get; init; } = ExternalType;
    public int Level { get; init; }
    public required string Name { get; init; }
    public long StartTime { get; init; }
    public long? StopTime { get; init; }
    public double Value { get; init; } = DefaultValue;
    public double? Upper { get; init; }
    public double? Lower { get; init; }
    public string? ConfirmUser { get; init; }
    public long? ConfirmTime { get; init; }

    /// <summary>The request's alarmInfo; the manual's answer calls it memo.</summary>
    public string Memo { get; init; } = "";
}
