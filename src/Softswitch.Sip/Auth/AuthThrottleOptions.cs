namespace Softswitch.Sip.Auth;

/// <summary>Configuration of <see cref="AuthFailureThrottle"/>.</summary>
public sealed class AuthThrottleOptions
{
    /// <summary>Failures within <see cref="Window"/> that trigger a block (of a user at a source, or of a single key).</summary>
    public int MaxFailures { get; set; } = 10;

    /// <summary>
    /// Failures of any user names from one source within <see cref="Window"/> that block the source as a whole
    /// (except for names registered from it); not below <see cref="MaxFailures"/>.
    /// </summary>
    public int MaxSourceFailures { get; set; } = 100;

    /// <summary>Counting window, started by the first failure.</summary>
    public TimeSpan Window { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Length of the first block.</summary>
    public TimeSpan BlockDuration { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// Each further block of the same source, without a success in between, lasts this many times the
    /// previous one (1 = fixed blocks). Exponential blocks make a slow guesser pay ever longer pauses.
    /// </summary>
    public double BackoffFactor { get; set; } = 2.0;

    /// <summary>Upper bound for a block after backoff.</summary>
    public TimeSpan MaxBlockDuration { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>Cap on tracked sources; spoofed UDP sources must not grow memory without bound.</summary>
    public int MaxEntries { get; set; } = 100_000;

    /// <summary>Returns null when valid, otherwise a message naming the offending key.</summary>
    public string? Validate()
    {
        if (MaxFailures < 1)
        {
            return $"{nameof(MaxFailures)} must be at least 1.";
        }
        if (MaxSourceFailures < MaxFailures)
        {
            return $"{nameof(MaxSourceFailures)} must not be below {nameof(MaxFailures)}.";
        }
        if (Window <= TimeSpan.Zero)
        {
            return $"{nameof(Window)} must be positive.";
        }
        if (BlockDuration <= TimeSpan.Zero || MaxBlockDuration < BlockDuration)
        {
            return $"{nameof(BlockDuration)} must be positive and not above {nameof(MaxBlockDuration)}.";
        }
        if (!(BackoffFactor >= 1.0) || double.IsInfinity(BackoffFactor))
        {
            return $"{nameof(BackoffFactor)} must be a finite number of at least 1.";
        }
        if (MaxEntries < 16)
        {
            return $"{nameof(MaxEntries)} must be at least 16.";
        }
        return null;
    }
}
