using Softswitch.Core.Gateways;

namespace Softswitch.Core.Routing;

/// <summary>
/// One routing gateway to try, in plan order (vos-routing §2): the numbers rewritten for it (its
/// rewriteRulesInCaller/InCallee, groupE164Change, rewriteRulesInMobileArea, enablePhoneDisplay), where to send the
/// INVITE, its timeouts, failover switches, identity and media options, and its duration cap. When
/// <see cref="CallerPool"/> is set the caller number is drawn from that number group at
/// <see cref="CallRouter.BeginAttempt"/>, and <see cref="CallerNumber"/> is only the fallback shown in logs.
/// </summary>
public sealed record GatewayAttempt
{
    /// <summary>0-based position in <see cref="RoutePlan.Attempts"/>.</summary>
    public required int Index { get; init; }

    /// <summary>The gateway record as it was when the plan was made.</summary>
    public required RoutingGateway Gateway { get; init; }

    public string GatewayName => Gateway.Name;

    public long GatewayId => Gateway.Id;

    /// <summary>Length of the prefix that matched (0 for a gateway with no prefix).</summary>
    public required int PrefixLength { get; init; }

    public required string CalleeNumber { get; init; }

    public required string CallerNumber { get; init; }

    /// <summary>rewriteRulesInCallerUseE164Group when the pool is enabled; null otherwise.</summary>
    public string? CallerPool { get; init; }

    /// <summary>rewriteRulesInCallerUseE164Line: how many calls may use one pool number at once; 0 = no limit.</summary>
    public int CallerPoolLines { get; init; }

    public required string Ip { get; init; }

    public required int Port { get; init; }

    public required AttemptTransport Transport { get; init; }

    public required AttemptTimeouts Timeouts { get; init; }

    public required FailoverSwitches Switches { get; init; }

    public required AttemptIdentity Identity { get; init; }

    /// <summary>sipCodecs when sipCodecAssign is on (offer only those, in this order); null = no restriction.</summary>
    public IReadOnlyList<string>? Codecs { get; init; }

    /// <summary>rtpForwardType 0 auto, 1 on, 2 off, 3 forced on.</summary>
    public int RtpForwardType { get; init; }

    /// <summary>The tighter of the plan's cap and this gateway's maxCallDuration*; null = unlimited.</summary>
    public TimeSpan? MaxDuration { get; init; }
}
