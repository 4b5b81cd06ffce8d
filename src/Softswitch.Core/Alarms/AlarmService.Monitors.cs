namespace Softswitch.Core.Alarms;

/// <summary>The side of <see cref="AlarmService"/> the switch's own monitors use: thresholds, raising and clearing.</summary>
public sealed partial class AlarmService
{
    /// <summary>
    /// The threshold definition of monitor <paramref name="type"/> in force now: the newest CreateAlarm of its name
    /// (<see cref="AlarmTypes.ThresholdType"/>) that has started and not stopped; null when there is none, so the
    /// monitor raises nothing. A definition with a stopTime in the past switches the monitor off.
    /// </summary>
    public async Task<Alarm?> ThresholdAsync(int type, CancellationToken cancellationToken = default)
    {
        await LoadAsync(cancellationToken);
        long now = _time.GetUtcNow().ToUnixTimeMilliseconds();
        var newest = _alarms.Values
            .Where(a => a.Type == type && AlarmTypes.IsThreshold(a) && a.StartTime <= now)
            .MaxBy(a => a.Id);
        return newest is not null && (newest.StopTime is not { } stop || stop > now) ? newest : null;
    }

    /// <summary>
    /// Raises an alarm of one of the switch's monitors: <paramref name="alarm"/>'s type, level, name, value, bounds
    /// and memo are kept, its startTime is now; stored, current until <see cref="StopAsync"/>, and pushed
    /// (<see cref="AlarmRaised"/>). Returns it with its id.
    /// </summary>
    /// <exception cref="ArgumentException">The name is a threshold definition's: a bug of the monitor.</exception>
    public async Task<Alarm> RaiseAsync(Alarm alarm, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(alarm);
        if (AlarmTypes.ThresholdType(alarm.Name) is not null)
        {
            throw new ArgumentException($"'{alarm.Name}' names a threshold definition, not an alarm.", nameof(alarm));
        }
        await LoadAsync(cancellationToken);
        await _gate.WaitAsync(cancellationToken);
        try
        {
            var raised = alarm with { StartTime = _time.GetUtcNow().ToUnixTimeMilliseconds(), StopTime = null };
            long id = await _store.InsertAlarmAsync(raised, cancellationToken);
            raised = raised with { Id = id };
            _alarms[id] = raised;
            AlarmRaised?.Invoke(raised);
            return raised;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Ends a current alarm now (its stopTime is set); false when it is unknown or not current.</summary>
    public async Task<bool> StopAsync(long id, CancellationToken cancellationToken = default)
    {
        await LoadAsync(cancellationToken);
        await _gate.WaitAsync(cancellationToken);
        try
        {
            long now = _time.GetUtcNow().ToUnixTimeMilliseconds();
            if (!_alarms.TryGetValue(id, out var alarm) || !IsCurrent(alarm, now))
            {
                return false;
            }
            await _store.UpdateAlarmStopTimeAsync(id, now, cancellationToken);
            _alarms[id] = alarm with { StopTime = now };
            return true;
        }
        finally
        {
            _gate.Release();
        }
    }
}
