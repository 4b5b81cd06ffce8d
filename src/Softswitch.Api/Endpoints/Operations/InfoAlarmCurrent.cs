using Softswitch.Core.Alarms;

namespace Softswitch.Api.Endpoints.Operations;

/// <summary>One current alarm (001_… §3.88 InfoAlarmCurrent).</summary>
public sealed record InfoAlarmCurrent
{
    public long Id { get; init; }
    public int Type { get; init; }
    public int Level { get; init; }
    public string Name { get; init; } = "";
    public long StartTime { get; init; }
    public long? StopTime { get; init; }
    public double Value { get; init; }
    public double? Upper { get; init; }
    public double? Lower { get; init; }
    public string? ConfirmUser { get; init; }
    public long? ConfirmTime { get; init; }
    public string Memo { get; init; } = "";

    public static InfoAlarmCurrent From(Alarm a) => new()
    {
        Id = a.Id, Type = a.Type, Level = a.Level, Name = a.Name, StartTime = a.StartTime, StopTime = a.StopTime,
        Value = a.Value, Upper = a.Upper, Lower = a.Lower, ConfirmUser = a.ConfirmUser, ConfirmTime = a.ConfirmTime, Memo = a.Memo,
    };
}
