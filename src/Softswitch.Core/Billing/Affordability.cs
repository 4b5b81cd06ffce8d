using Softswitch.Core.Calls;

namespace Softswitch.Core.Billing;

/// <summary>
/// What a payer can afford for one callee (<see cref="PrepaidControl.Afford"/>): a refusal with its end reason and
/// a sentence for the log, or the seconds the spendable money pays for (<see cref="FeeRate.Unlimited"/> when nothing
/// limits the call: an unbilled account, a free on-net call) and the rate used.
/// </summary>
public readonly record struct Affordability(EndReason? Refusal, int Seconds, FeeRate? Rate, string Detail)
{
    /// <summary>Margin taken off the affordable time for the call's cap: the hold time is rounded up to the second.</summary>
    public const int CapMarginSeconds = 1;

    /// <summary>GetAvailableTime's timeRemain (§3.62): the seconds, or the negated end reason of a refusal.</summary>
    public int TimeRemain => Refusal is { } reason ? -(int)reason : Seconds;

    /// <summary>
    /// The duration cap for the call: the affordable seconds less <see cref="CapMarginSeconds"/> (a call cut at the
    /// cap, ended a few milliseconds late, is billed at most the affordable seconds), at least one second; null when
    /// unlimited or refused.
    /// </summary>
    public TimeSpan? Cap => Refusal is null && Seconds != FeeRate.Unlimited
        ? TimeSpan.FromSeconds(Math.Max(1, Seconds - CapMarginSeconds))
        : null;
}
