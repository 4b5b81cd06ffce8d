namespace Softswitch.Tests.Sip.Media;

/// <summary>
/// A clock whose time and timer callbacks are moved separately, to play a late or stalled timer: <see cref="Now"/>
/// advances without firing anything, <see cref="Fire"/> runs the callbacks of the timers that are armed.
/// </summary>
internal sealed class ManualTimeProvider : TimeProvider
{
    private readonly List<ManualTimer> _timers = [];

    public TimeSpan Now { get; set; }

    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    public override long GetTimestamp() => Now.Ticks;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = new ManualTimer(callback, state) { Armed = dueTime != Timeout.InfiniteTimeSpan };
        _timers.Add(timer);
        return timer;
    }

    public int ArmedTimers => _timers.Count(t => t.Armed);

    public void Fire()
    {
        foreach (ManualTimer timer in _timers.Where(t => t.Armed).ToArray())
        {
            timer.Callback(timer.State);
        }
    }

    private sealed class ManualTimer(TimerCallback callback, object? state) : ITimer
    {
        public TimerCallback Callback { get; } = callback;

        public object? State { get; } = state;

        public bool Armed { get; set; }

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            Armed = dueTime != Timeout.InfiniteTimeSpan;
            return true;
        }

        public void Dispose() => Armed = false;

        public ValueTask DisposeAsync()
        {
            Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
