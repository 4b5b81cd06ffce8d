namespace Softswitch.Core.Calls;

/// <summary>
/// Why a call ended: InfoCdr / CreateCdr endReason (001_… §3.47, §3.51). The manual refers to a table of end
/// reasons ("《终止原因》") without listing it, so this is the project's own, with stable codes: never renumber
/// one, only append. Ranges: 1-9 cleared by a party, 10-39 failed before answer, 40-59 ended by the switch, 60-89
/// refused by the router's admission rules or its failover limits (docs/routing.md), 90-99 refused by billing's
/// prepaid admission (docs/billing.md).
/// Everything else about a reason (SIP status, direction, trigger, text) is in <see cref="EndReasons"/>.
/// </summary>
public enum EndReason
{
    CallerHangup = 1,
    CalleeHangup = 2,
    CallerCancelled = 3,

    CalleeBusy = 10,
    CalleeDeclined = 11,
    NoAnswer = 12,
    InviteTimeout = 13,
    TryingTimeout = 14,
    ProgressTimeout = 15,
    CalleeUnavailable = 16,
    CalleeNotRegistered = 17,
    NumberNotFound = 18,
    NoRoute = 19,
    CallerForbidden = 20,
    CalleeLocked = 21,
    CallerLineLimit = 22,
    CalleeLineLimit = 23,
    AuthenticationFailed = 24,
    InsufficientBalance = 25,
    NotAcceptable = 26,
    CalleeRejected = 27,
    CalleeServerError = 28,
    TransportFailure = 29,

    /// <summary>No RTP relay port pair was free (port range or descriptor budget exhausted): 503 with Retry-After.</summary>
    NoRelayPorts = 30,

    NoMedia = 40,
    SessionTimerExpired = 41,
    MaxDurationReached = 42,
    DisconnectedByManagement = 43,
    ServerShutdown = 44,
    InternalError = 45,

    /// <summary>An in-dialog request to one leg of a connected call timed out or was answered 481 (RFC 3261 §12.2.1.2).</summary>
    LegUnreachable = 46,

    /// <summary>The caller never acknowledged the switch's 2xx within 64*T1 (RFC 3261 §13.3.1.4).</summary>
    AckTimeout = 47,

    /// <summary>The caller never sent PRACK for a reliable provisional response within 64*T1 (RFC 3262 §3).</summary>
    PrackTimeout = 48,

    /// <summary>The switch process died while the call was connected; written when it restarted (docs/crash-recovery.md).</summary>
    SwitchRestarted = 49,

    /// <summary>The caller leg of a connected call answered its keep-alive OPTIONS 408 or 481, or not at all.</summary>
    CallerKeepAliveFailed = 52,

    /// <summary>The callee leg of a connected call answered its keep-alive OPTIONS 408 or 481, or not at all.</summary>
    CalleeKeepAliveFailed = 53,

    /// <summary>The source is no known phone or static mapping gateway and did not authenticate (alarm 20020).</summary>
    UnknownSource = 60,
    CallerGatewayLocked = 61,
    CallerGatewayFull = 62,
    MalformedCaller = 63,
    MalformedCallee = 64,
    CalleeMustBePhone = 65,
    CalleeMustNotBePhone = 66,
    CallerTypeDenied = 67,
    CalleeTypeDenied = 68,
    CallerPrefixDenied = 69,
    CalleePrefixDenied = 70,
    CallerLengthDenied = 71,
    CalleeLengthDenied = 72,
    CallerGroupDenied = 73,
    CalleeGroupDenied = 74,
    SameCityDenied = 75,
    MobileAreaDenied = 76,
    CallLevelDenied = 77,
    GatewayGroupDenied = 78,
    SetupDeadlineReached = 79,
    InvalidStoredRules = 80,

    /// <summary>The paying account is past its validTime (001_… §3.1).</summary>
    AccountExpired = 90,

    /// <summary>The payer's fee-rate group has no rate for the callee, and the callee is not a phone of the switch.</summary>
    NoFeeRate = 91,

    /// <summary>The payer's money ran out while its calls were connected: the switch ended them (BYE both legs).</summary>
    BalanceExhausted = 92,
}
