using Microsoft.Extensions.Options;

namespace Softswitch.Sip.Transactions;

/// <summary>RFC 3261 §17.1.1.1 / Table 4 timer values; T1, T2 and T4 are configurable, the rest derive from them.</summary>
public sealed class SipTimerOptions
{
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

/// <summary>Fails start-up with the key named when the timer configuration makes no sense.</summary>
public sealed class SipTimerOptionsValidator : IValidateOptions<SipTimerOptions>
{
    public ValidateOptionsResult Validate(string? name, SipTimerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (options.T1 <= TimeSpan.Zero)
        {
            failures.Add("Sip:Timers:T1 must be positive.");
        }
        if (options.T2 < options.T1)
        {
            failures.Add("Sip:Timers:T2 must be at least T1.");
        }
        if (options.T4 <= TimeSpan.Zero)
        {
            failures.Add("Sip:Timers:T4 must be positive.");
        }
        if (options.TimerD < TimeSpan.Zero)
        {
            failures.Add("Sip:Timers:TimerD must not be negative.");
        }
        if (options.TryingDelay < TimeSpan.Zero || options.TryingDelay > TimeSpan.FromMilliseconds(200))
        {
            failures.Add("Sip:Timers:TryingDelay must be between 0 and 200 ms (RFC 3261 §17.2.1).");
        }
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
