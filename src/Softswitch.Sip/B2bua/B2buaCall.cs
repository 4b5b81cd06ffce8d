using Softswitch.Core.Calls;
using Softswitch.Sip.Messages;
using Softswitch.Sip.Timers;
using Softswitch.Sip.Transactions;

namespace Softswitch.Sip.B2bua;

/// <summary>
/// One bridged call: the caller's dialog (A, the switch is its UAS) and the callee legs (B, the switch is their UAC),
/// sent in attempts one after the other, each attempt forking in parallel. Everything that happens to the call runs
/// on its <see cref="CallMailbox"/>, one event at a time, and moves the bridge (<see cref="BridgeTable"/>) and each leg
/// (<see cref="LegTable"/>) only through their tables (docs/b2bua-states.md). This file holds the bridge's machine and
/// the legs' INVITEs; the partials hold the tables, answer, attempts, endings, in-dialog requests, timers and media.
/// </summary>
internal sealed partial class B2buaCall : ITimerTarget
{
    private readonly B2bua _owner;
    private readonly CallMailbox _mailbox;
    private readonly InviteServerTransaction _callerInvite;
    private readonly StateMachine<BridgeState, BridgeEvent> _machine;
    private readonly List<CalleeLeg> _legs = [];

    /// <summary>The leg whose 2xx won (RFC 3261 §13.2.2.4); null before.</summary>
    private CalleeLeg? _winner;

    public B2buaCall(B2bua owner, InviteServerTransaction callerInvite, SipDialog caller, CallParties parties)
    {
        _owner = owner;
        _callerInvite = callerInvite;
        Caller = caller;
        Parties = parties;
        _mailbox = new CallMailbox(e => owner.OnCallError(caller.CallId, e));
        _machine = new StateMachine<BridgeState, BridgeEvent>(BridgeTable, BridgeState.Routing,
            (state, e) => owner.OnRefusedTransition(caller.CallId, "bridge", state.ToString(), e.ToString()));
    }

    public SipDialog Caller { get; }

    public CallParties Parties { get; }

    public BridgeState State => _machine.State;

    public SipRequest CallerInvite => _callerInvite.Request;

    public void Post(Action action) => _mailbox.Post(action);

    /// <summary>Applies <paramref name="e"/> through the bridge table; false (and logged, counted) for an unknown pair.</summary>
    internal bool Fire(BridgeEvent e, CallInput input = default)
    {
        if (!_machine.TryMove(e, out var transition))
        {
            return false;
        }
        transition.Handler(this, input);
        return true;
    }

    internal void OnLegRefused(CalleeLeg leg, LegState state, LegEvent e) =>
        _owner.OnRefusedTransition(Caller.CallId, "leg " + leg.Dialog.CallId, state.ToString(), e.ToString());

    /// <summary>Sends the INVITE to every target of the attempt (parallel forking, RFC 3261 §16.6 in spirit).</summary>
    private void SendInvites(CallAttempt attempt, int number)
    {
        foreach (var (contact, destination) in attempt.Targets)
        {
            var dialog = new SipDialog
            {
                CallId = SipTags.New() + SipTags.New() + "@softswitch",
                LocalTag = SipTags.New(),
                LocalUri = attempt.From ?? Parties.CalleeSideFrom,
                RemoteUri = attempt.To ?? Parties.CalleeSideTo,
                RemoteTarget = contact,
                Destination = destination,
                LocalContact = _owner.ContactFor(Parties.CallerE164, destination.Transport),
            };
            var leg = new CalleeLeg(this, dialog, number);
            var invite = LegInvite(dialog, attempt);
            _legs.Add(leg);
            _owner.RegisterDialog(dialog, this, CallSide.Callee);
            leg.Invite = (InviteClientTransaction)_owner.Transactions.SendRequest(invite, destination, leg);
        }
    }

    /// <summary>An INVITE of a leg: the session's headers, the caller's presentation for a gateway, the offer.</summary>
    private SipRequest LegInvite(SipDialog dialog, CallAttempt attempt)
    {
        var invite = dialog.CreateRequest(SipMethod.Invite);
        CopyCallerHeaders(invite);
        AddIdentityHeaders(invite, attempt);
        if (!_calleeOffer.IsEmpty)
        {
            invite.Headers.Add(HeaderKind.ContentType, _calleeOfferType ?? "application/sdp");
            invite.Body = OfferFor(attempt.Plan) ?? _calleeOffer;
        }
        return invite;
    }

    /// <summary>
    /// Headers that describe the session rather than the hop are carried from A's INVITE to B's; Supported is the
    /// switch's own for leg B (<see cref="CalleeSideSupported"/>).
    /// </summary>
    private void CopyCallerHeaders(SipRequest invite)
    {
        invite.Headers.Add(HeaderKind.Allow, SipCapabilities.Allow);
        MaxForwards.CarryOver(CallerInvite, invite);
        if (CalleeSideSupported() is { } supported)
        {
            invite.Headers.Add(HeaderKind.Supported, supported);
        }
        foreach (var kind in new[] { HeaderKind.SessionExpires, HeaderKind.MinSE, HeaderKind.Subject })
        {
            foreach (string value in CallerInvite.Headers.GetAll(kind))
            {
                invite.Headers.Add(kind, value);
            }
        }
        invite.Headers.Add(HeaderKind.UserAgent, B2bua.UserAgent);
    }

    /// <summary>A response to a leg's INVITE becomes the leg's event; the leg's table decides what it means.</summary>
    internal void OnCalleeResponse(CalleeLeg leg, SipResponse response)
    {
        int status = response.StatusCode;
        if (Auth.DigestChallengeAnswer.IsChallenge(status) && TryAnswerChallenge(leg, response))
        {
            return;
        }
        if (response.To.Tag is { } tag && leg.Dialog.RemoteTag is null)
        {
            leg.Dialog.RemoteTag = tag;
            leg.ResponseSource ??= response.Source;
        }
        if (status is >= 200 and < 300)
        {
            AdoptCalleeDialog(leg, response); // whichever 2xx: its ACK (and BYE) go to the dialog it established
        }
        var input = new CallInput { Response = response, Status = status };
        leg.Fire(status switch
        {
            < 200 => LegEvent.Provisional,
            < 300 => LegEvent.Success,
            _ => LegEvent.Failure,
        }, input);
    }

    /// <summary>The caller cancelled before answer (§9.2): 487 to its INVITE, CANCEL to every fork.</summary>
    public void OnCallerCancel() => Fire(BridgeEvent.CallerCancel);

    /// <summary>
    /// Ends the call from the switch's side (management, timeouts, shutdown): before answer the forks are cancelled
    /// and the caller gets a final response; once answered both legs get BYE.
    /// </summary>
    public void Hangup(EndReason reason) => Fire(BridgeEvent.Hangup, new CallInput { Reason = reason, Status = SipStatusFor(reason) });

    /// <summary>A response to the caller's INVITE, in the caller's dialog (our tag on To).</summary>
    private SipResponse CallerResponse(int status, string? reason)
    {
        var response = SipResponseFactory.Create(CallerInvite, status, reason, Caller.LocalTag);
        if (status is > 100 and < 300)
        {
            response.Headers.Add(HeaderKind.Contact, Caller.LocalContact);
            response.Headers.Add(HeaderKind.Allow, SipCapabilities.Allow);
        }
        response.Headers.Add(HeaderKind.Server, B2bua.UserAgent);
        AddRelayRetryAfter(response);
        return response;
    }

    /// <summary>The final response the caller gets for a reason (docs/end-reasons.md).</summary>
    private static int SipStatusFor(EndReason reason) => EndReasons.Of(reason).SipStatus ?? 500;

    public void OnTimer(int kind, TimerHandle handle) => Post(() => HandleTimer((CallTimer)kind, handle));

    /// <summary>The dialogs this call registered, for removal when it ends.</summary>
    public IEnumerable<SipDialog> Dialogs => _legs.Select(l => l.Dialog).Prepend(Caller);
}
