using System.Collections.Frozen;

namespace Softswitch.Core.Calls;

/// <summary>
/// The one table mapping end reason &lt;-&gt; SIP status &lt;-&gt; direction (docs/architecture.md: "Every ending
/// carries a cause", after FreeSWITCH's hangup-cause table). The B2BUA uses it both ways: <see cref="Of"/> to pick the
/// status it answers the caller with, <see cref="FromCalleeStatus"/> to name the reason of a callee's final error; the
/// CDR stores the reason code. Rendered to docs/end-reasons.md.
/// </summary>
public static class EndReasons
{
    /// <summary>Every reason, in code order.</summary>
    public static readonly IReadOnlyList<EndReasonInfo> All =
    [
        new(EndReason.CallerHangup, null, EndDirection.Caller, CallTrigger.Hangup, "Normal hangup: the caller sent BYE."),
        new(EndReason.CalleeHangup, null, EndDirection.Callee, CallTrigger.Hangup, "Normal hangup: the callee sent BYE."),
        new(EndReason.CallerCancelled, 487, EndDirection.Caller, CallTrigger.Cancel,
            "The caller cancelled before answer (CANCEL; the INVITE is answered 487, RFC 3261 §9.2)."),
        new(EndReason.CalleeBusy, 486, EndDirection.Callee, CallTrigger.Fail, "The callee is busy (486 or 600)."),
        new(EndReason.CalleeDeclined, 603, EndDirection.Callee, CallTrigger.Fail, "The callee declined (603)."),
        new(EndReason.NoAnswer, 480, EndDirection.Server, CallTrigger.Fail,
            "No answer: ringing lasted longer than the ringing timeout; the switch cancelled the callee."),
        new(EndReason.InviteTimeout, 408, EndDirection.Server, CallTrigger.Fail,
            "No response at all to INVITE (RFC 3261 Timer B or the configured invite timeout), or 408 from the callee."),
        new(EndReason.TryingTimeout, 480, EndDirection.Server, CallTrigger.Fail,
            "100 Trying came but no 18x or 2xx within the trying timeout."),
        new(EndReason.ProgressTimeout, 480, EndDirection.Server, CallTrigger.Fail,
            "183 Session Progress came but no 180 or 2xx within the progress timeout."),
        new(EndReason.CalleeUnavailable, 480, EndDirection.Callee, CallTrigger.Fail,
            "The callee side answered 480 Temporarily Unavailable."),
        new(EndReason.CalleeNotRegistered, 480, EndDirection.Server, CallTrigger.Fail,
            "The callee is a phone of this switch that is not registered (offline)."),
        new(EndReason.NumberNotFound, 404, EndDirection.Server, CallTrigger.Fail,
            "The called number does not exist (no phone, no route prefix), or 404/604 from the callee side."),
        new(EndReason.NoRoute, 503, EndDirection.Server, CallTrigger.Fail,
            "A route matched but no routing gateway is available (all locked, full or failed)."),
        new(EndReason.CallerForbidden, 403, EndDirection.Server, CallTrigger.Fail,
            "The caller may not call out: phone or account locked for out-calls, or the callee is outside its limits."),
        new(EndReason.CalleeLocked, 403, EndDirection.Server, CallTrigger.Fail,
            "The callee phone is locked for in-calls."),
        new(EndReason.CallerLineLimit, 503, EndDirection.Server, CallTrigger.Fail,
            "The caller's line limit (lineCallOut / lineCapacity) is reached."),
        new(EndReason.CalleeLineLimit, 486, EndDirection.Server, CallTrigger.Fail,
            "The callee's line limit (lineCallIn / lineCapacity) is reached."),
        new(EndReason.AuthenticationFailed, 403, EndDirection.Server, CallTrigger.Fail,
            "The caller failed digest authentication (after the 401/407 challenge)."),
        new(EndReason.InsufficientBalance, 402, EndDirection.Server, CallTrigger.Fail,
            "The paying account's balance + limitMoney does not pay for the first period (or section) of the callee's rate (docs/billing.md \"Prepaid control\")."),
        new(EndReason.NotAcceptable, 488, EndDirection.Server, CallTrigger.Fail,
            "Malformed SDP or no common codec (488, or 606 from the callee side)."),
        new(EndReason.CalleeRejected, 480, EndDirection.Callee, CallTrigger.Fail,
            "Any other 3xx-6xx final response from the callee side; its own status is relayed when known."),
        new(EndReason.CalleeServerError, 502, EndDirection.Callee, CallTrigger.Fail,
            "The callee side answered 5xx (its own status is relayed when known)."),
        new(EndReason.TransportFailure, 503, EndDirection.Server, CallTrigger.Fail,
            "The INVITE could not be sent to the callee (RFC 3261 §8.1.3.1: a transport error counts as 503)."),
        new(EndReason.NoRelayPorts, 503, EndDirection.Server, CallTrigger.Fail,
            "No RTP relay port pair was free (rtp port range, or the share of the descriptor limit the relay may use, exhausted); the 503 carries Retry-After (rtp.noPortRetryAfterSeconds, RFC 3261 §21.5.4)."),
        new(EndReason.NoMedia, 408, EndDirection.Server, CallTrigger.Abort,
            "No RTP from either side for longer than the media timeout; both legs get BYE."),
        new(EndReason.SessionTimerExpired, 408, EndDirection.Server, CallTrigger.Abort,
            "The session was not refreshed before the session timer expired (RFC 4028 §10)."),
        new(EndReason.MaxDurationReached, 503, EndDirection.Server, CallTrigger.Abort,
            "The call reached its maximum duration (configuration or remaining balance)."),
        new(EndReason.DisconnectedByManagement, 503, EndDirection.Server, CallTrigger.Abort,
            "Ended through the management interface (DisconnectCurrentCall, 001_… §3.82)."),
        new(EndReason.ServerShutdown, 503, EndDirection.Server, CallTrigger.Abort,
            "The switch is shutting down (SIGINT/SIGTERM)."),
        new(EndReason.InternalError, 500, EndDirection.Server, CallTrigger.Abort,
            "An unexpected failure inside the switch; logged."),
        new(EndReason.LegUnreachable, 408, EndDirection.Server, CallTrigger.Abort,
            "A request inside the dialog of one leg timed out or got 481 (RFC 3261 §12.2.1.2); both legs get BYE."),
        new(EndReason.AckTimeout, 408, EndDirection.Caller, CallTrigger.Abort,
            "The caller never sent ACK for the 200 OK: at 64*T1 after the 200 (32 s with the default T1, RFC 3261 §13.3.1.4) both legs get BYE. The caller never learnt that the call was answered, so no session took place: the CDR reads as an unanswered call (start at the INVITE's arrival, holdTime and feeTime 0)."),
        new(EndReason.PrackTimeout, 504, EndDirection.Caller, CallTrigger.Fail,
            "The caller never sent PRACK for a reliable provisional response within 64*T1 (RFC 3262 §3: the INVITE gets a 5xx); the callee is cancelled, or gets BYE if it had answered."),
        new(EndReason.SwitchRestarted, 503, EndDirection.Server, CallTrigger.Abort,
            "The switch process stopped without ending the call (crash, kill -9, power loss) while it was connected; at the next start the CDR is written from the live-call journal with the last time the process was known alive as stop time, and both legs get BYE (docs/crash-recovery.md)."),
        new(EndReason.CallerKeepAliveFailed, 408, EndDirection.Caller, CallTrigger.Abort,
            "The caller's leg of a connected call answered the switch's in-dialog OPTIONS keep-alive (calls.keepAliveSeconds) with 408 or 481, or not at all within 64*T1: its far end is gone. Both legs get BYE."),
        new(EndReason.CalleeKeepAliveFailed, 408, EndDirection.Callee, CallTrigger.Abort,
            "The callee's leg of a connected call answered the switch's in-dialog OPTIONS keep-alive (calls.keepAliveSeconds) with 408 or 481, or not at all within 64*T1: its far end is gone. Both legs get BYE."),
        new(EndReason.UnknownSource, 403, EndDirection.Server, CallTrigger.Fail,
            "The INVITE came from an address that is no static mapping gateway or static-address phone and did not authenticate; counted, alarm 20020 (illegal call)."),
        new(EndReason.CallerGatewayLocked, 403, EndDirection.Server, CallTrigger.Fail,
            "The mapping gateway the call came in on is locked (lockType 1 or 3, 001_… §3.11)."),
        new(EndReason.CallerGatewayFull, 503, EndDirection.Server, CallTrigger.Fail,
            "The mapping gateway the call came in on has reached its capacity (current calls)."),
        new(EndReason.MalformedCaller, 403, EndDirection.Server, CallTrigger.Fail,
            "The caller number as received holds a letter or another character where a digit belongs, or is longer than 64 characters."),
        new(EndReason.MalformedCallee, 484, EndDirection.Server, CallTrigger.Fail,
            "The callee number as received is empty, longer than 64 characters, or holds a letter where a digit belongs (or the rules left it empty)."),
        new(EndReason.CalleeMustBePhone, 404, EndDirection.Server, CallTrigger.Fail,
            "calleeE164Restrict 1: the callee must be a phone of the switch and is not."),
        new(EndReason.CalleeMustNotBePhone, 403, EndDirection.Server, CallTrigger.Fail,
            "calleeE164Restrict 2: the callee must not be a phone of the switch and is."),
        new(EndReason.CallerTypeDenied, 403, EndDirection.Server, CallTrigger.Fail,
            "callerE164Check*: the caller is a city, mobile or other number the gateway does not accept (mobile-area table)."),
        new(EndReason.CalleeTypeDenied, 403, EndDirection.Server, CallTrigger.Fail,
            "calleeE164Check*: the callee is a city, mobile or other number the gateway does not accept (mobile-area table)."),
        new(EndReason.CallerPrefixDenied, 403, EndDirection.Server, CallTrigger.Fail,
            "calloutCallerPrefixes(Allow): the caller's prefix is denied, or not among the allowed ones."),
        new(EndReason.CalleePrefixDenied, 403, EndDirection.Server, CallTrigger.Fail,
            "calloutCalleePrefixes(Allow): the callee's prefix is denied, or not among the allowed ones."),
        new(EndReason.CallerLengthDenied, 403, EndDirection.Server, CallTrigger.Fail,
            "callerAllowLength: the caller number's length is not allowed by the bit mask."),
        new(EndReason.CalleeLengthDenied, 484, EndDirection.Server, CallTrigger.Fail,
            "calleeAllowLength: the callee number's length is not allowed by the bit mask."),
        new(EndReason.CallerGroupDenied, 403, EndDirection.Server, CallTrigger.Fail,
            "callerLimitE164Groups(Allow) of the gateway, or of the callee phone: the caller is in a denied number group, or in none of the allowed ones."),
        new(EndReason.CalleeGroupDenied, 403, EndDirection.Server, CallTrigger.Fail,
            "calleeLimitE164Groups(Allow) of the gateway or the calling phone: the callee is in a denied number group, or in none of the allowed ones."),
        new(EndReason.SameCityDenied, 403, EndDirection.Server, CallTrigger.Fail,
            "denySameCityCodes(Allow): caller and callee are in the same city and same-city calls are denied for that area code."),
        new(EndReason.MobileAreaDenied, 403, EndDirection.Server, CallTrigger.Fail,
            "checkMobileArea(Allow): calls to mobile numbers of the callee's area are denied."),
        new(EndReason.CallLevelDenied, 403, EndDirection.Server, CallTrigger.Fail,
            "callLevel: the callee's rate type (on-net 1, local 2, national 4, international 5) is above the caller's call level."),
        new(EndReason.GatewayGroupDenied, 403, EndDirection.Server, CallTrigger.Fail,
            "Routing gateways match the callee but every one is in a gateway group the caller may not use (routingGatewayGroups(Allow))."),
        new(EndReason.SetupDeadlineReached, 408, EndDirection.Server, CallTrigger.Fail,
            "Failover stopped: the overall set-up deadline (routing.setupDeadline) passed before an attempt was answered."),
        new(EndReason.InvalidStoredRules, 500, EndDirection.Server, CallTrigger.Fail,
            "A stored rewrite rule of the caller's phone or gateway does not compile (written before validation existed); the call is refused rather than guessed."),
        new(EndReason.AccountExpired, 403, EndDirection.Server, CallTrigger.Fail,
            "The paying account is past its validTime (docs/billing.md \"Prepaid control\")."),
        new(EndReason.NoFeeRate, 403, EndDirection.Server, CallTrigger.Fail,
            "The payer has a fee-rate group but no rate in it matches the callee, and the callee is not a phone of the switch (docs/billing.md \"Prepaid control\")."),
        new(EndReason.BalanceExhausted, 402, EndDirection.Server, CallTrigger.Abort,
            "The payer's live calls together used up its money + limitMoney: the prepaid monitor ended them all, BYE on both legs (docs/billing.md \"Parallel calls\")."),
    ];

    private static readonly FrozenDictionary<EndReason, EndReasonInfo> ByReason = All.ToFrozenDictionary(i => i.Reason);

    /// <summary>The table row of a reason; an undefined value (e.g. one sent through CreateCdr) has none.</summary>
    public static EndReasonInfo? Find(EndReason reason) => ByReason.GetValueOrDefault(reason);

    /// <summary>The table row of a defined reason.</summary>
    public static EndReasonInfo Of(EndReason reason) =>
        ByReason.TryGetValue(reason, out var info)
            ? info
            : throw new ArgumentOutOfRangeException(nameof(reason), reason, "Not a defined end reason.");

    /// <summary>
    /// The reason for a final non-2xx response (300-699) from the callee side to our INVITE, so the CDR says why
    /// the attempt failed. 487 means the callee confirmed our CANCEL, which only the caller's CANCEL causes.
    /// </summary>
    public static EndReason FromCalleeStatus(int status) => status switch
    {
        486 or 600 => EndReason.CalleeBusy,
        603 => EndReason.CalleeDeclined,
        404 or 604 => EndReason.NumberNotFound,
        408 => EndReason.InviteTimeout,
        480 => EndReason.CalleeUnavailable,
        487 => EndReason.CallerCancelled,
        488 or 606 => EndReason.NotAcceptable,
        >= 500 and < 600 => EndReason.CalleeServerError,
        _ => EndReason.CalleeRejected,
    };
}
