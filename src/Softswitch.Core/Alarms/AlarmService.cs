using System.Collections.Concurrent;
using Softswitch.Core.Management;
using Softswitch.Core.Store;

namespace Softswitch.Core.Alarms;

/// <summary>
/// Alarms raised from outside (CreateAlarm, 001_… §3.85) and by the switch's own monitors
/// (<see cref="AlarmTypes"/>), the thresholds those monitors judge against, and the current-alarm list
/// (GetAlarmCurrent, §3.88). Validate, write SQLite, then update memory (docs/architecture.md).
/// </summary>
public sealed partial class AlarmService : IDisposable
{
    /// <summary>A new current alarm: the AlarmCurrentReport push (001_… §4.7) listens.</summary>
    public event Action<Alarm>? AlarmRaised;

    private readonly ISystemStore _store;
    private readonly TimeProvider _time;
    private readonly ConcurrentDictionary<long, Alarm> _alarms = new();
    private readonly SemaphoreSlim _gate = new(1, 1);
    private volatile bool _loaded;

    public AlarmService(ISystemStore store, TimeProvider time)
    {
        _store = store;
        _time = time;
    }

    /// <summary>
    /// CreateAlarm (§3.85): name mandatory; level 0-3 (the manual leaves its M/O column blank: absent means 0,
    /// 一般); value, upper and lower within the 32-bit range the manual gives; startTime defaults to now and
    /// stopTime, when given, may not precede it. A second alarm of the same name while the first is current is a
    /// duplicate. A name that names a monitor (<see cref="AlarmTypes.ThresholdType"/>) defines that monitor's
    /// thresholds instead: stored with the monitor's type, never current, replaced by the next definition.
    /// </summary>
    public async Task<ServiceResult<long>> CreateAsync(NewAlarm input, CancellationToken cancellationToken = default)
    {
        long now = _time.GetUtcNow().ToUnixTimeMilliseconds();
        if (Check(input, now) is { } invalid)
        {
            return invalid.As<long>();
        }
        await LoadAsync(cancellationToken);
        await _gate.WaitAsync(cancellationToken);
        try
        {
            int? thresholdType = AlarmTypes.ThresholdType(input.Name);
            if (thresholdType is null && _alarms.Values.Any(a => a.Name == input.Name && IsCurrent(a, now)))
            {
                return ServiceResult.Fail(ServiceError.Duplicate, "name", $"Alarm '{input.Name}' is already current.").As<long>();
            }
            var alarm = new Alarm
            {
                Type = thresholdType ?? Alarm.ExternalType,
                Name = input.Name!,
                Level = input.Level ?? 0,
                Value = input.Value ?? Alarm.DefaultValue,
                Memo = input.AlarmInfo ?? "",
                StartTime = input.StartTime ?? now,
                StopTime = input.StopTime,
                Upper = input.Upper,
                Lower = input.Lower,
            };
            long id = await _store.InsertAlarmAsync(alarm, cancellationToken);
            _alarms[id] = alarm with { Id = id };
            if (thresholdType is null)
            {
                AlarmRaised?.Invoke(alarm with { Id = id });
            }
            return ServiceResult<long>.Success(id);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>GetAlarmCurrent (§3.88): alarms not yet ended (no stopTime, or one in the future), oldest first.</summary>
    public async Task<IReadOnlyList<Alarm>> CurrentAsync(CancellationToken cancellationToken = default)
    {
        await LoadAsync(cancellationToken);
        long now = _time.GetUtcNow().ToUnixTimeMilliseconds();
        return _alarms.Values.Where(a => IsCurrent(a, now)).OrderBy(a => a.Id).ToArray();
    }

    public void Dispose() => _gate.Dispose();

    /// <summary>Not ended yet (no stopTime, or one in the future), and an alarm rather than a threshold definition.</summary>
    private static bool IsCurrent(Alarm alarm, long now) =>
        (alarm.StopTime is not { } stop || stop > now) && !AlarmTypes.IsThreshold(alarm);

    private static ServiceResult? Check(NewAlarm input, long now)
    {
        var error = FieldRules.Required(input.Name, "name")
            ?? FieldRules.OneOf(input.Level, "level", 0, 1, 2, 3)
            ?? FieldRules.Length(input.AlarmInfo, "alarmInfo", FieldRules.LongStringMax)
            ?? FieldRules.Range(input.StartTime, "startTime", 0, long.MaxValue)
            ?? FieldRules.Range(input.StopTime, "stopTime", 0, long.MaxValue);
        foreach (var (value, field) in new[] { (input.Value, "value"), (input.Upper, "upper"), (input.Lower, "lower") })
        {
            error ??= FieldRules.Finite(value, field) ?? (value is < int.MinValue or > int.MaxValue
                ? ServiceResult.Fail(ServiceError.OutOfRange, field,
                    $"Field '{field}' must be between {int.MinValue} and {int.MaxValue} (0x80000000-0x7fffffff).")
                : null);
        }
        if (error is null && input.Upper is { } upper && input.Lower is { } lower && lower > upper)
        {
            error = ServiceResult.Fail(ServiceError.OutOfRange, "lower", "Field 'lower' must not exceed 'upper'.");
        }
        if (error is null && input.StopTime is { } stop && stop < (input.StartTime ?? now))
        {
            error = ServiceResult.Fail(ServiceError.OutOfRange, "stopTime", "Field 'stopTime' must not precede 'startTime'.");
        }
        return error;
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        if (_loaded)
        {
            return;
        }
        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (!_loaded)
            {
                foreach (var alarm in await _store.LoadAlarmsAsync(cancellationToken))
                {
                    _alarms[alarm.Id] = alarm;
                }
                _loaded = true;
            }
        }
        finally
        {
            _gate.Release();
        }
    }
}
