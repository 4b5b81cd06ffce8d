using Microsoft.Extensions.Options;
using Softswitch.Core.Configuration;

namespace Softswitch.Sip.Transactions;

/// <summary>Fails start-up with the key and value named when the timer configuration makes no sense.</summary>
public sealed class SipTimerOptionsValidator : IValidateOptions<SipTimerOptions>
{
    public ValidateOptionsResult Validate(string? name, SipTimerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (options.T1 <= TimeSpan.Zero)
        {
            failures.Add($"sip.timers.t1: {OptionRules.Format(options.T1)} must be positive");
        }
        if (options.T2 < options.T1)
        {
            failures.Add($"sip.timers.t2: {OptionRules.Format(options.T2)} must be at least sip.timers.t1 ({OptionRules.Format(options.T1)})");
        }
        if (options.T4 <= TimeSpan.Zero)
        {
            failures.Add($"sip.timers.t4: {OptionRules.Format(options.T4)} must be positive");
        }
        if (options.TimerD < TimeSpan.Zero)
        {
            failures.Add($"sip.timers.timerD: {OptionRules.Format(options.TimerD)} must not be negative");
        }
        if (options.TryingDelay < TimeSpan.Zero || options.TryingDelay > TimeSpan.FromMilliseconds(200))
        {
            failures.Add($"sip.timers.tryingDelay: {OptionRules.Format(options.TryingDelay)} must lie between 0 and 00:00:00.2 (RFC 3261 §17.2.1)");
        }
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
