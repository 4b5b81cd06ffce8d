using Softswitch.Core.Alarms;

namespace Softswitch.Core.Pushes;

/// <summary>Publishes AlarmCurrentReport (001_… §4.7) for every new current alarm. Subscribed until disposed.</summary>
public sealed class AlarmPushSource : IDisposable
{
    private readonly AlarmService _alarms;
    private readonly IPushPublisher _publisher;

    public AlarmPushSource(AlarmService alarms, IPushPublisher publisher)
    {
        _alarms = alarms;
        _publisher = publisher;
        _alarms.AlarmRaised += OnAlarmRaised;
    }

    public void Dispose() => _alarms.AlarmRaised -= OnAlarmRaised;

    private void OnAlarmRaised(Alarm alarm) => _publisher.Publish(PushMessage.AlarmCurrentReport(
    [
        new PushAlarmCurrent
        {
            Id = (int)alarm.Id,
            Type = alarm.Type,
            Level = alarm.Level,
            Name = alarm.Name,
            StartTime = alarm.StartTime,
            StopTime = alarm.StopTime,
            Value = alarm.Value,
            Upper = alarm.Upper,
            Lower = alarm.Lower,
            ConfirmUser = alarm.ConfirmUser,
            ConfirmTime = alarm.ConfirmTime,
            Memo = alarm.Memo,
        },
    ]));
}
