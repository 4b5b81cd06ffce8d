namespace Softswitch.Sip.Timers;

/// <summary>
/// Receives timer firings from a <see cref="TimerWheel"/>. An interface rather than a delegate so that scheduling
/// allocates nothing: the target is usually the transaction itself, and <c>kind</c> says which of its timers fired.
/// </summary>
public interface ITimerTarget
{
    /// <summary>
    /// Called on the wheel's ticking thread, outside the wheel's lock. The target must compare <paramref name="handle"/>
    /// with the handle it stored: a timer cancelled while its firing was already under way still arrives here once.
    /// </summary>
    void OnTimer(int kind, TimerHandle handle);
}
