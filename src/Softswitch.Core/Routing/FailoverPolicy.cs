using Softswitch.Core.Calls;

namespace Softswitch.Core.Routing;

/// <summary>
/// Whether a failed gateway attempt is followed by the next one (vos-routing §3, docs/routing.md "Failover"): the
/// gateway's switchAllow* switches can forbid it after ringing, early media, RTP, busy or a listed error code; the
/// plan's attempt cap and set-up deadline end it; a cancelled caller ends it. Pure and thread-safe.
/// </summary>
public sealed class FailoverPolicy
{
    private readonly HashSet<int> _errorCodes;

    public FailoverPolicy(RoutingOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _errorCodes = [.. options.SwitchErrorCodes];
    }

    /// <summary>
    /// After <paramref name="attempt"/> of <paramref name="plan"/> ended as <paramref name="outcome"/>: the attempt to
    /// send next, or the reason the call ends with (the attempt's own reason, SetupDeadlineReached, or — when nothing
    /// was ever sent — NoRoute).
    /// </summary>
    public FailoverDecision Next(RoutePlan plan, GatewayAttempt attempt, AttemptOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(attempt);
        ArgumentNullException.ThrowIfNull(outcome);
        var reason = outcome.Reason;
        if (outcome.End == AttemptEnd.CallerCancelled)
        {
            return Stop(reason, "the caller cancelled");
        }
        if (outcome.End != AttemptEnd.NotSent && Forbidden(attempt.Switches, outcome) is { } why)
        {
            return Stop(reason, $"gateway {attempt.GatewayName} forbids failover {why}");
        }
        int next = attempt.Index + 1;
        if (next >= plan.Attempts.Count)
        {
            return Stop(reason, "no gateway left to try");
        }
        if (next >= plan.MaxAttempts)
        {
            return Stop(reason, $"routing.maxAttempts ({plan.MaxAttempts}) reached");
        }
        if (outcome.EndedAt >= plan.Deadline)
        {
            return Stop(EndReason.SetupDeadlineReached, "the set-up deadline passed");
        }
        return new FailoverDecision(plan.Attempts[next], reason, $"failing over from {attempt.GatewayName} to {plan.Attempts[next].GatewayName}");
    }

    /// <summary>Whether <paramref name="status"/> is in routing.switchErrorCodes.</summary>
    public bool IsSwitchErrorCode(int status) => _errorCodes.Contains(status);

    private string? Forbidden(FailoverSwitches switches, AttemptOutcome outcome)
    {
        if (outcome.SawRtp && !switches.Rtp)
        {
            return "after RTP from the callee (switchAllowRtp false)";
        }
        if (outcome.SawSdp && !switches.Sdp)
        {
            return "after early media SDP (switchAllowSdp false)";
        }
        if (outcome.SawRinging && !switches.Ring)
        {
            return "after 18x ringing (switchAllowRing false)";
        }
        if (outcome.End != AttemptEnd.FinalResponse)
        {
            return null;
        }
        if (outcome.Status is 486 or 600 && !switches.Busy)
        {
            return $"after busy {outcome.Status} (switchAllowBusy false)";
        }
        if (_errorCodes.Contains(outcome.Status) && !switches.ErrorCode)
        {
            return $"after {outcome.Status}, listed in routing.switchErrorCodes (switchAllowErrorCode false)";
        }
        return null;
    }

    private static FailoverDecision Stop(EndReason reason, string why) => new(null, reason, why);
}
