namespace Softswitch.Sip.Overload;

/// <summary>
/// Measures the queue delay <see cref="OverloadGuard"/> steers by, every <see cref="Interval"/>: the larger of how long
/// a work item waits on the thread pool (where every call's mailbox runs) and how long the SIP receive loop has found
/// datagrams waiting without a break (<see cref="Transport.SipTransportSet.UdpBacklog"/>). Like Node's event-loop lag
/// probe (toobusy) and CoDel's standing-queue test: it needs no tuning per machine, because it measures the effect of
/// overload, not a rate.
/// </summary>
/// <remarks>
/// One probe is in flight at a time. While it has not run, the delay read is at least how long it has been waiting,
/// so a stalled pool shows at the next tick, not when the probe finally runs.
/// </remarks>
public sealed class LoadProbe : IDisposable
{
    public static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(50);

    private readonly OverloadGuard _guard;
    private readonly Func<TimeSpan> _receiveBacklog;
    private readonly TimeProvider _clock;
    private readonly Action<Action> _queue;
    private readonly Action _probe;
    private readonly ITimer? _timer;
    private long _sentAt;
    private long _lastDelayTicks;

    /// <param name="time">Schedules the ticks (the engine's clock).</param>
    /// <param name="clock">
    /// Measures the delay: the real clock outside tests, whatever <paramref name="time"/> is, because the thread pool the
    /// probe waits in is real (a test's fake clock jumping 32 s must not read as 32 s of delay).
    /// </param>
    /// <param name="queue">Queues a work item where the calls' work waits; the thread pool outside tests.</param>
    /// <param name="start">False to drive the probe only by explicit <see cref="Tick"/> calls (tests).</param>
    public LoadProbe(OverloadGuard guard, Func<TimeSpan> receiveBacklog, TimeProvider time, TimeProvider? clock = null, Action<Action>? queue = null, bool start = true)
    {
        ArgumentNullException.ThrowIfNull(guard);
        ArgumentNullException.ThrowIfNull(receiveBacklog);
        ArgumentNullException.ThrowIfNull(time);
        _guard = guard;
        _receiveBacklog = receiveBacklog;
        _clock = clock ?? TimeProvider.System;
        _queue = queue ?? (static work => ThreadPool.UnsafeQueueUserWorkItem(static w => w(), work, preferLocal: false));
        _probe = ProbeRan;
        if (start)
        {
            _timer = time.CreateTimer(static state => ((LoadProbe)state!).Tick(), this, Interval, Interval);
        }
    }

    /// <summary>Takes one measurement, hands it to the guard, and sends the next probe when the last one came back.</summary>
    public void Tick()
    {
        long now = _clock.GetTimestamp();
        long sent = Interlocked.Read(ref _sentAt);
        TimeSpan pool;
        if (sent != 0)
        {
            pool = _clock.GetElapsedTime(sent, now);
        }
        else
        {
            pool = TimeSpan.FromTicks(Interlocked.Read(ref _lastDelayTicks));
            Interlocked.Exchange(ref _sentAt, now);
            _queue(_probe);
        }
        TimeSpan backlog = _receiveBacklog();
        _guard.Observe(backlog > pool ? backlog : pool);
    }

    private void ProbeRan()
    {
        long sent = Interlocked.Read(ref _sentAt);
        Interlocked.Exchange(ref _lastDelayTicks, _clock.GetElapsedTime(sent).Ticks);
        Interlocked.Exchange(ref _sentAt, 0);
    }

    public void Dispose() => _timer?.Dispose();
}
