namespace Softswitch.Sip.Transactions;

/// <summary>
/// The "sip.timers" section: RFC 3261 §17.1.1.1 / Table 4 timer values (durations, hh:mm:ss.fff). T1 must be positive,
/// T2 at least T1, T4 positive, TimerD not negative, TryingDelay at most 200 ms; timers B, F, H, J derive from T1.
/// </summary>
public sealed class SipTimerOptions
{
    public const string Section = "sip.timers";

    /// <summary>RTT estimate, 500 ms by default (§17.1.1.1).</summary>
    public TimeSpan T1 { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>Maximum retransmit interval for non-INVITE requests and INVITE responses, 4 s by default.</summary>
    public TimeSpan T2 { get; set; } = TimeSpan.FromSeconds(4);

    /// <summary>Maximum duration a message remains in the network, 5 s by default.</summary>
    public TimeSpan T4 { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Timer D: wait time for response retransmits over UDP, "at least 32 seconds" (§17.1.1.2).</summary>
    public TimeSpan TimerD { get; set; } = TimeSpan.FromSeconds(32);

    /// <summary>The INVITE server sends 100 Trying when the TU has sent no provisional by then (§17.2.1: 200 ms).</summary>
    public TimeSpan TryingDelay { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>Timers B, F, H, J, and the RFC 6026 timers L and M.</summary>
    public TimeSpan SixtyFourT1 => T1 * 64;
}
