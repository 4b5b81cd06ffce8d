using System.Net;
using Softswitch.Core.Calls;
using Softswitch.Core.Gateways;
using Softswitch.Core.Routing;
using Softswitch.Sip.Messages;

namespace Softswitch.Sip.B2bua;

/// <summary>
/// The routing-gateway attempts of one call's plan (vos-routing §2-§3), carried out one after the other: before each,
/// <see cref="CallRouter.BeginAttempt"/> (capacity now, caller-pool lease; a gateway that cannot take it is passed
/// as <see cref="AttemptEnd.NotSent"/>); after each failure, <see cref="FailoverPolicy.Next"/> decides. Every attempt
/// starts the gateway's statistics ticket. Used on the call's mailbox only.
/// </summary>
internal sealed class PlanAttempts : IAttemptSource
{
    private readonly CallRouter _router;
    private readonly RoutePlan _plan;
    private readonly GatewayStatistics _statistics;
    private readonly TimeProvider _time;
    private readonly string _localHost;
    private readonly Func<GatewayAttempt, bool> _canOffer;
    private GatewayAttempt? _current;
    private bool _sentAny;

    /// <param name="canOffer">Whether the call's SDP offer can go to the gateway (its codec restriction leaves a codec).</param>
    public PlanAttempts(CallRouter router, RoutePlan plan, GatewayStatistics statistics, TimeProvider time, string localHost,
        Func<GatewayAttempt, bool> canOffer)
    {
        _canOffer = canOffer;
        _router = router;
        _plan = plan;
        _statistics = statistics;
        _time = time;
        _localHost = localHost;
    }

    public EndReason? StopReason { get; private set; }

    /// <summary>A sentence for the log on why the last attempt had no successor.</summary>
    public string? StopWhy { get; private set; }

    /// <summary>The first attempt that can be sent now, or null (then <see cref="StopReason"/> says why).</summary>
    public CallAttempt? First() => _plan.Attempts.Count == 0 ? Stop(EndReason.NoRoute, "no routing gateway") : Begin(_plan.Attempts[0]);

    public CallAttempt? Next(AttemptOutcome failed)
    {
        var decision = _router.Failover.Next(_plan, _current!, failed);
        return decision.NextAttempt is { } next ? Begin(next) : Stop(decision.Reason, decision.Why);
    }

    /// <summary>The attempt ready to send, or — passing over every gateway that cannot take it now — the next one.</summary>
    private CallAttempt? Begin(GatewayAttempt attempt)
    {
        while (true)
        {
            _current = attempt;
            var start = _canOffer(attempt) ? _router.BeginAttempt(attempt) : null;
            if (start is { IsReady: true })
            {
                _sentAny = true;
                return Build(attempt, start);
            }
            var outcome = new AttemptOutcome
            {
                Attempt = attempt.Index + 1,
                Gateway = attempt.GatewayName,
                End = AttemptEnd.NotSent,
                EndedAt = _time.GetUtcNow(),
            };
            var decision = _router.Failover.Next(_plan, attempt, outcome);
            if (decision.NextAttempt is not { } next)
            {
                // Nothing was ever sent: the call has no route; else the last real attempt's reason stands.
                return Stop(_sentAny ? decision.Reason : EndReason.NoRoute, $"{attempt.GatewayName} {(start is null ? "sipCodecs leave no codec of the offer" : start.Skip)}: {decision.Why}");
            }
            attempt = next;
        }
    }

    private CallAttempt? Stop(EndReason reason, string why)
    {
        StopReason = reason;
        StopWhy = why;
        return null;
    }

    private CallAttempt Build(GatewayAttempt attempt, AttemptStart start)
    {
        var transport = attempt.Transport == AttemptTransport.Tcp ? SipTransportKind.Tcp : SipTransportKind.Udp;
        string host = attempt.Ip.Contains(':', StringComparison.Ordinal) ? $"[{attempt.Ip}]" : attempt.Ip;
        string callee = UriUser(attempt.CalleeNumber);
        string caller = start.CallerNumber.Length > 0 ? UriUser(start.CallerNumber) : "anonymous";
        var requestUri = new SipUri { User = callee, Host = host, Port = attempt.Port };
        if (transport == SipTransportKind.Tcp)
        {
            requestUri.Parameters.Set("transport", "tcp");
        }
        return new CallAttempt
        {
            Targets = [(requestUri, new SipEndPoint(transport, new IPEndPoint(IPAddress.Parse(attempt.Ip), attempt.Port)))],
            Gateway = attempt.GatewayName,
            From = new NameAddress
            {
                DisplayName = attempt.Identity.Display && start.CallerNumber.Length > 0 ? start.CallerNumber : null,
                Uri = new SipUri { User = caller, Host = _localHost },
            },
            To = new NameAddress { Uri = new SipUri { User = callee, Host = host, Port = attempt.Port } },
            Plan = attempt,
            MaxDuration = attempt.MaxDuration,
            Ticket = _statistics.Start(GatewayKind.Routing, attempt.GatewayId, attempt.GatewayName),
            Lease = start.Lease,
        };
    }

    /// <summary>
    /// A number as a SIP URI user (RFC 3261 §25.1): the router admits digits, '*', '+', letters (routing tags) and
    /// '#', which alone must be escaped.
    /// </summary>
    internal static string UriUser(string number) => number.Contains('#', StringComparison.Ordinal) ? number.Replace("#", "%23", StringComparison.Ordinal) : number;
}
