using System.Diagnostics;

namespace Softswitch.Tests.EndToEnd.Support;

/// <summary>
/// Waits on a condition with a deadline instead of a fixed sleep: returns as soon as the condition holds, so a
/// fast machine does not wait for a slow one's margin and a slow one gets the whole deadline.
/// </summary>
public static class Eventually
{
    /// <summary>Long enough for a loaded 2-core machine; a condition that holds returns at once.</summary>
    public static readonly TimeSpan DefaultDeadline = TimeSpan.FromSeconds(15);

    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(50);

    /// <summary>
    /// Reads until <paramref name="done"/> holds or the deadline passes, and returns the last value read: the caller
    /// asserts on it, so a timeout fails with the caller's own message and the value it saw.
    /// </summary>
    public static async Task<T> ReadUntilAsync<T>(Func<Task<T>> read, Func<T, bool> done, TimeSpan? deadline = null)
    {
        var watch = Stopwatch.StartNew();
        T value = await read();
        while (!done(value) && watch.Elapsed < (deadline ?? DefaultDeadline))
        {
            await Task.Delay(Interval);
            value = await read();
        }
        return value;
    }

    /// <summary>Waits until <paramref name="condition"/> holds; false when the deadline passed first.</summary>
    public static Task<bool> UntilAsync(Func<bool> condition, TimeSpan? deadline = null) =>
        ReadUntilAsync(() => Task.FromResult(condition()), holds => holds, deadline);
}
