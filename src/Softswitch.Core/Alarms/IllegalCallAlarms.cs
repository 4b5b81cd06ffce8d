using System.Collections.Concurrent;

namespace Softswitch.Core.Alarms;

/// <summary>
/// Illegal calls (001_… §3.88 alarm type 20020 非法呼叫): INVITEs from a source that is no static trunk and whose
/// digest did not prove a phone or a dynamic mapping gateway, or that named a trunk it is not. Every one is counted;
/// one alarm per source address is raised at most once per <see cref="HoldOff"/>, so a scanner sending thousands of
/// INVITEs costs one alarm row a minute, not one per INVITE. The alarm is written off the SIP thread. Thread-safe.
/// </summary>
public sealed class IllegalCallAlarms
{
    /// <summary>At most one alarm per source in this time.</summary>
    public static readonly TimeSpan HoldOff = TimeSpan.FromMinutes(1);

    /// <summary>Sources remembered at most (beyond, the oldest-looking entries are dropped): bounded memory under a scan.</summary>
    private const int MaxSources = 10_000;

    private readonly AlarmService? _alarms;
    private readonly TimeProvider _time;
    private readonly ConcurrentDictionary<string, long> _lastRaised = new(StringComparer.Ordinal);
    private long _count;
    private long _raised;

    /// <param name="alarms">Where alarms go; null counts only (test rigs without a store).</param>
    public IllegalCallAlarms(AlarmService? alarms, TimeProvider time)
    {
        _alarms = alarms;
        _time = time;
    }

    /// <summary>Illegal calls since start.</summary>
    public long Count => Interlocked.Read(ref _count);

    /// <summary>Alarms raised since start (at most one per source per <see cref="HoldOff"/>).</summary>
    public long Raised => Interlocked.Read(ref _raised);

    /// <summary>Counts an illegal call from <paramref name="sourceIp"/>; raises its alarm unless one was raised lately.</summary>
    public void Report(string sourceIp, string detail)
    {
        Interlocked.Increment(ref _count);
        long now = _time.GetTimestamp();
        long last = _lastRaised.GetOrAdd(sourceIp, long.MinValue);
        if (last != long.MinValue && _time.GetElapsedTime(last, now) < HoldOff)
        {
            return;
        }
        if (!_lastRaised.TryUpdate(sourceIp, now, last))
        {
            return; // another thread raised it just now
        }
        if (_lastRaised.Count > MaxSources)
        {
            _lastRaised.Clear();
        }
        Interlocked.Increment(ref _raised);
        if (_alarms is not null)
        {
            _ = RaiseAsync(sourceIp, detail);
        }
    }

    private async Task RaiseAsync(string sourceIp, string detail)
    {
        try
        {
            await _alarms!.RaiseAsync(new Alarm
            {
                Type = AlarmTypes.IllegalCall,
                Name = "非法呼叫 " + sourceIp,
                Memo = detail.Length <= 200 ? detail : detail[..200],
            });
        }
        catch (Exception e) when (e is InvalidOperationException or Microsoft.Data.Sqlite.SqliteException or ObjectDisposedException)
        {
            // The store is closing or failing: the count above still holds; the alarm is best effort.
        }
    }
}
