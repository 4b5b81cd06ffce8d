using Softswitch.Core.Calls;
using Softswitch.Core.Gateways;
using Softswitch.Core.Routing;
using Softswitch.Sip.Messages;
using Softswitch.Sip.Transactions;

namespace Softswitch.Sip.B2bua;

internal sealed partial class B2buaCall
{
    private RoutePlan? _plan;
    private GatewayCallTicket? _callerTicket;
    private readonly List<CallAttempt> _started = [];

    public InviteServerTransaction CallerInviteTransaction => _callerInvite;

    /// <summary>
    /// Carries out the router's decision: a refusal fails the call with its end reason (and a CDR); a plan gets the SDP
    /// offer ready, then its first attempt — the callee phone's contacts, or the first routing gateway that can take
    /// the call now.
    /// </summary>
    public void Route(RouteDecision decision, SipRequest invite)
    {
        if (decision.Refusal is { } refusal)
        {
            _owner.LogRouteRefused(Caller.CallId, refusal.Reason, refusal.Detail);
            Fire(BridgeEvent.Fail, new CallInput { Status = SipStatusFor(refusal.Reason), Reason = refusal.Reason });
            return;
        }
        var plan = decision.Plan!;
        _plan = plan;
        if (plan.CallerGateway is { } name && _owner.Routing.Gateways.FindMapping(name) is { } mapping)
        {
            _callerTicket = _owner.Routing.Statistics.Start(GatewayKind.Mapping, mapping.Id, mapping.Name);
        }
        if (PrepareOffer(invite, out _calleeOffer, out _calleeOfferType) is { } mediaRefusal)
        {
            Fire(BridgeEvent.Fail, new CallInput { Status = SipStatusFor(mediaRefusal), Reason = mediaRefusal });
            return;
        }
        ApplySourceCheck(Media.RtpSide.A, plan.CallerGateway is { } trunk ? _owner.Routing.Gateways.FindMapping(trunk)?.RtpSourceCheck
            : Parties.CallerPhone is { } callerPhone ? _owner.Phones.FindCredentials(callerPhone)?.RtpSourceCheck : null);
        if (plan.Phone is { } callee)
        {
            ApplySourceCheck(Media.RtpSide.B, _owner.Phones.FindCredentials(callee.E164)?.RtpSourceCheck);
        }
        CallAttempt? first;
        if (plan.Phone is { } phone)
        {
            var targets = phone.Contacts.Select(Registrar.RegisteredContacts.Target).OfType<(SipUri, SipEndPoint)>().ToList();
            first = targets.Count == 0 ? null : new CallAttempt { Targets = targets, MaxDuration = plan.MaxDuration };
            _attempts = first is null ? SingleAttempt.Instance : _owner.AttemptsFor(Parties, first);
            if (first is null)
            {
                Fire(BridgeEvent.Fail, new CallInput { Status = SipStatusFor(EndReason.CalleeNotRegistered), Reason = EndReason.CalleeNotRegistered });
                return;
            }
        }
        else
        {
            var attempts = new PlanAttempts(_owner.Router, plan, _owner.Routing.Statistics, _owner.Time, _owner.LocalHost(SipTransportKind.Udp), CanOffer);
            _attempts = attempts;
            first = attempts.First();
            if (first is null)
            {
                var reason = attempts.StopReason ?? EndReason.NoRoute;
                _owner.LogRouteRefused(Caller.CallId, reason, attempts.StopWhy ?? "");
                Fire(BridgeEvent.Fail, new CallInput { Status = SipStatusFor(reason), Reason = reason });
                return;
            }
        }
        Fire(BridgeEvent.AttemptStarted, new CallInput { Attempt = first });
    }

    /// <summary>
    /// The statistics of every gateway the call touched, and the caller-pool numbers it holds, once the call is over:
    /// the answered attempt's talk time, the mapping gateway's answer or its failure with the status the caller got.
    /// </summary>
    private void CloseGatewayRecords(EndReason reason)
    {
        foreach (var attempt in _started)
        {
            attempt.Ticket?.Ended();
            attempt.Lease?.Dispose();
        }
        if (_callerTicket is { } ticket)
        {
            if (_winner is null)
            {
                int status = SipStatusFor(reason);
                ticket.Failed(status is >= 300 and <= 699 ? status : 0);
            }
            else
            {
                ticket.Ended();
            }
        }
    }

    /// <summary>
    /// A leg's own rtpSourceCheck (a gateway's, or a phone's infoPhoneAdditional, docs/hardening.md): 1 latch,
    /// 2 strict; 0 or none keeps the switch's rtp.sourceCheck.
    /// </summary>
    private void ApplySourceCheck(Media.RtpSide side, int? setting)
    {
        if (_relay is { } relay)
        {
            relay.SetSourceCheck(side, setting switch
            {
                1 => Media.RtpSourceCheck.Latch,
                2 => Media.RtpSourceCheck.Strict,
                _ => _owner.Relay.SourceCheck, // a failover to a gateway without its own setting gets the switch's again
            });
        }
    }
}
