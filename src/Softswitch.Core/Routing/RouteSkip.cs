namespace Softswitch.Core.Routing;

/// <summary>Why a routing gateway that matched the callee was not put in the plan (vos-routing §2 "Skipped").</summary>
public enum RouteSkip
{
    /// <summary>lockType 2 (呼入) or 3: calls may not be sent to it.</summary>
    Locked,

    /// <summary>Current calls reached capacity.</summary>
    Full,

    /// <summary>Its gateway groups are not among the caller's routingGatewayGroups (or are denied).</summary>
    GroupDenied,

    /// <summary>callinCallerPrefixes(Allow) refuses the caller.</summary>
    CallerPrefixDenied,

    /// <summary>callinCalleePrefixes(Allow) refuses the callee.</summary>
    CalleePrefixDenied,

    /// <summary>A scheduledCallinPrefixes rule forbids the number now, or allows it only in another window.</summary>
    OutsideSchedule,

    /// <summary>feerateRestrict is on and its clearing account has no rate for the callee.</summary>
    NoRate,

    /// <summary>maxSecondRatesEnable (of the caller side) and its per-second cost is above maxSecondRates.</summary>
    RateTooHigh,

    /// <summary>One of its own number checks (types, lengths, number groups, same city, mobile area, calleeE164Restrict).</summary>
    NumberDenied,

    /// <summary>Its stored rewrite rules do not compile (written before validation existed).</summary>
    BadRules,

    /// <summary>protocol H323, or no usable address (remoteIp empty or not an IP address; a dynamic one not registered).</summary>
    Unreachable,

    /// <summary>The carrier asked for no calls until later (Retry-After seen on its registration).</summary>
    RetryLater,

    /// <summary>Its caller-number pool has no number free (decided at the attempt, by <see cref="CallRouter.BeginAttempt"/>).</summary>
    PoolExhausted,
}
