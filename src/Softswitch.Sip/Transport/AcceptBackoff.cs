namespace Softswitch.Sip.Transport;

/// <summary>
/// Pacing of a failing accept loop. A failed accept (EMFILE, ENFILE, ENOBUFS) leaves the connection in the listen
/// backlog, so retrying at once fails again at once: thousands of failures and log lines a second on one core.
/// Instead the loop waits 10 ms after the first failure, twice as long after each further one up to 1 s, and starts
/// again from 10 ms after an accept succeeds; failures are logged at most once per <see cref="LogInterval"/>, with
/// how many there were. Used by one loop at a time: not thread-safe.
/// </summary>
internal sealed class AcceptBackoff(TimeProvider time)
{
    public static readonly TimeSpan FirstDelay = TimeSpan.FromMilliseconds(10);
    public static readonly TimeSpan MaxDelay = TimeSpan.FromSeconds(1);
    public static readonly TimeSpan LogInterval = TimeSpan.FromSeconds(10);

    private TimeSpan _delay;
    private int _unlogged;
    private long? _lastLog;

    /// <summary>
    /// Records a failure; returns how long to wait before accepting again and, when a log line is due, how many
    /// failures it reports (this one and those not reported yet), else 0.
    /// </summary>
    public (TimeSpan Delay, int ToLog) Failed()
    {
        _delay = _delay == TimeSpan.Zero ? FirstDelay : TimeSpan.FromTicks(Math.Min(_delay.Ticks * 2, MaxDelay.Ticks));
        _unlogged++;
        long now = time.GetTimestamp();
        if (_lastLog is { } last && time.GetElapsedTime(last, now) < LogInterval)
        {
            return (_delay, 0);
        }
        _lastLog = now;
        int count = _unlogged;
        _unlogged = 0;
        return (_delay, count);
    }

    /// <summary>An accept succeeded: the next failure waits the shortest delay again.</summary>
    public void Succeeded() => _delay = TimeSpan.Zero;
}
