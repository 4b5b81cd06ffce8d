namespace Softswitch.Core.Pushes;

/// <summary>AlarmCurrentReport request body (001_… §4.7): the whole current alarm list.</summary>
public sealed record AlarmCurrentReportPush(IReadOnlyList<PushAlarmCurrent> InfoAlarmCurrents);
