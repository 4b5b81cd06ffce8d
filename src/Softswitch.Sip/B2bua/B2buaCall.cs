using Softswitch.Core.Calls;
using Softswitch.Sip.Messages;
using Softswitch.Sip.Timers;
using Softswitch.Sip.Transactions;

namespace Softswitch.Sip.B2bua;

/// <summary>Where a bridged call is in its life, from the B2BUA's point of view (the Core call model has the VOS codes).</summary>
internal enum CallPhase
{
    Setup,
    Connected,
    Ended,
}

/// <summary>
/// One bridged call: the caller's dialog (A, the switch is its UAS) and one or more callee legs (B, the switch is
/// their UAC). Everything that happens to the call runs on its <see cref="CallMailbox"/>, one event at a time.
/// This file holds call set-up; the partials hold in-dialog requests, timers, media and the call model.
/// </summary>
internal sealed partial class B2buaCall : ITimerTarget
{
    private readonly B2bua _owner;
    private readonly CallMailbox _mailbox;
    private readonly InviteServerTransaction _callerInvite;
    private readonly List<CalleeLeg> _legs = [];
    private CalleeLeg? _answered;
    private bool _cancelling;

    public B2buaCall(B2bua owner, InviteServerTransaction callerInvite, SipDialog caller, CallParties parties)
    {
        _owner = owner;
        _callerInvite = callerInvite;
        Caller = caller;
        Parties = parties;
        _mailbox = new CallMailbox(e => owner.OnCallError(caller.CallId, e));
    }

    public SipDialog Caller { get; }

    public CallParties Parties { get; }

    public CallPhase Phase { get; private set; } = CallPhase.Setup;

    public SipRequest CallerInvite => _callerInvite.Request;

    public void Post(Action action) => _mailbox.Post(action);

    /// <summary>Sends the INVITE to every contact of the callee (parallel forking, RFC 3261 §16.6 in spirit).</summary>
    public void Start(IReadOnlyList<(SipUri Contact, SipEndPoint Destination)> contacts, ReadOnlyMemory<byte> calleeOffer, string? contentType)
    {
        foreach (var (contact, destination) in contacts)
        {
            var dialog = new SipDialog
            {
                CallId = SipTags.New() + SipTags.New() + "@softswitch",
                LocalTag = SipTags.New(),
                LocalUri = Parties.CalleeSideFrom,
                RemoteUri = Parties.CalleeSideTo,
                RemoteTarget = contact,
                Destination = destination,
                LocalContact = _owner.ContactFor(Parties.CallerE164, destination.Transport),
            };
            var leg = new CalleeLeg(this, dialog);
            var invite = dialog.CreateRequest(SipMethod.Invite);
            CopyCallerHeaders(invite);
            if (!calleeOffer.IsEmpty)
            {
                invite.Headers.Add(HeaderKind.ContentType, contentType ?? "application/sdp");
                invite.Body = calleeOffer;
            }
            _legs.Add(leg);
            _owner.RegisterDialog(dialog, this, CallSide.Callee);
            leg.Invite = (InviteClientTransaction)_owner.Transactions.SendRequest(invite, destination, leg);
        }
        OnInviteSent();
        StartSetupTimer(SetupStage.Invite);
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

    internal void OnCalleeResponse(CalleeLeg leg, SipResponse response)
    {
        int status = response.StatusCode;
        if (response.To.Tag is { } tag && leg.Dialog.RemoteTag is null)
        {
            leg.Dialog.RemoteTag = tag;
        }
        if (status >= 200 && status < 300)
        {
            OnCalleeAnswer(leg, response);
            return;
        }
        if (Phase != CallPhase.Setup || leg.Done)
        {
            return;
        }
        if (status < 200)
        {
            leg.GotProvisional = true;
            bool relay = AcceptCalleeProvisional(leg, response);
            if (leg.CancelPending)
            {
                SendCancel(leg);
                return;
            }
            if (relay && !_cancelling)
            {
                OnCalleeProvisional(leg, response);
            }
            return;
        }
        leg.Done = true;
        leg.FinalStatus = status;
        if (!_cancelling && _legs.TrueForAll(l => l.Done))
        {
            FailAllLegs();
        }
    }

    /// <summary>Timer B (408) or a transport error (503, RFC 3261 §8.1.3.1) on one fork.</summary>
    internal void OnCalleeFailure(CalleeLeg leg, int status, bool transport)
    {
        if (leg.Done)
        {
            return;
        }
        leg.Done = true;
        leg.FinalStatus = status;
        leg.TransportFailed = transport;
        if (Phase == CallPhase.Setup && !_cancelling && _legs.TrueForAll(l => l.Done))
        {
            FailAllLegs();
        }
    }

    private void FailAllLegs()
    {
        int status = BestFailure();
        FailCall(status, ReasonForLegs(status));
    }

    /// <summary>1xx other than 100 is relayed to the caller in the caller's early dialog, SDP rewritten (§13.3.1.1).</summary>
    private void OnCalleeProvisional(CalleeLeg leg, SipResponse response)
    {
        if (response.StatusCode == 100)
        {
            OnTryingReceived();
            StartSetupTimer(SetupStage.Trying);
            return;
        }
        var relay = CallerResponse(response.StatusCode, response.ReasonPhrase);
        bool withSdp = TryAnswerMedia(leg, response, relay);
        OnProvisionalReceived(response.StatusCode, withSdp);
        StartSetupTimer(response.StatusCode == 180 || response.StatusCode == 181 || response.StatusCode == 182 ? SetupStage.Ringing : SetupStage.Progress);
        SendCallerProvisional(leg, relay, withSdp);
    }

    /// <summary>
    /// The first 2xx wins (§13.2.2.4): ACK it, cancel the other forks, answer the caller. A 2xx from a fork that
    /// lost, or after the call ended, is ACKed and then hung up with BYE, since the dialog it created is unwanted.
    /// </summary>
    private void OnCalleeAnswer(CalleeLeg leg, SipResponse response)
    {
        AdoptCalleeDialog(leg, response);
        if (_answered == leg)
        {
            // A retransmitted 2xx: our ACK was lost (with a late offer, only once the caller's answer is known).
            if (!_lateOffer || PendingLateOfferAnswer is not null)
            {
                SendCalleeAck(leg, response.CSeq.Number);
            }
            return;
        }
        leg.Done = true;
        leg.FinalStatus = response.StatusCode;
        if (_answered is not null || Phase != CallPhase.Setup || _cancelling)
        {
            SendCalleeAck(leg, response.CSeq.Number);
            SendBye(leg.Dialog);
            return;
        }
        if (!_lateOffer)
        {
            SendCalleeAck(leg, response.CSeq.Number);
        }
        _answered = leg;
        foreach (var other in _legs)
        {
            if (other != leg && !other.Done)
            {
                CancelLeg(other);
            }
        }
        if (!HoldAnswerForPrack(leg, response))
        {
            CompleteAnswer(leg, response);
        }
    }

    /// <summary>The caller's 200, SDP rewritten; Connected from here.</summary>
    private void CompleteAnswer(CalleeLeg leg, SipResponse response)
    {
        var ok = CallerResponse(200, "OK");
        TryAnswerMedia(leg, response, ok);
        CopySessionTimerHeaders(response, ok);
        Phase = CallPhase.Connected;
        OnAnswered(response);
        StopSetupTimer();
        SendCallerOk(ok);
        StartCallTimers();
        ArmSessionTimer(response);
    }

    private void AdoptCalleeDialog(CalleeLeg leg, SipResponse response)
    {
        leg.Dialog.RemoteTag ??= response.To.Tag;
        if (response.Headers.Get(HeaderKind.Contact) is { } contact)
        {
            try
            {
                leg.Dialog.RemoteTarget = NameAddress.Parse(contact).Uri;
            }
            catch (SipFormatException)
            {
                // Keep the request target: a 2xx with a bad Contact still established the dialog.
            }
        }
        leg.Dialog.RouteSet.Clear();
        leg.Dialog.RouteSet.AddRange(response.Headers.GetAll(HeaderKind.RecordRoute).Reverse());
    }

    /// <summary>The ACK for a 2xx is its own transaction-less request to the remote target (§13.2.2.4, §17.1.1.3).</summary>
    private void SendCalleeAck(CalleeLeg leg, uint cseq)
    {
        var ack = leg.Dialog.CreateRequest(SipMethod.Ack, cseq);
        if (PendingLateOfferAnswer is { } answer && leg == _answered)
        {
            ack.Headers.Add(HeaderKind.ContentType, "application/sdp");
            ack.Body = answer;
        }
        _owner.SendStateless(ack, leg.Dialog.Destination);
    }

    private void CancelLeg(CalleeLeg leg)
    {
        if (leg.Done || leg.Cancelled)
        {
            return;
        }
        if (leg.GotProvisional)
        {
            SendCancel(leg);
        }
        else
        {
            // §9.1: no CANCEL before a provisional; it goes out with the first one (or timer B ends the INVITE).
            leg.CancelPending = true;
        }
    }

    private void SendCancel(CalleeLeg leg)
    {
        leg.CancelPending = false;
        leg.Cancelled = true;
        var cancel = leg.Invite!.CreateCancel();
        _owner.Transactions.SendRequest(cancel, leg.Dialog.Destination, NoResponseExpected.Instance);
    }

    /// <summary>The caller cancelled before answer (§9.2): 487 to its INVITE, CANCEL to every fork.</summary>
    public void OnCallerCancel()
    {
        if (Phase != CallPhase.Setup)
        {
            return;
        }
        _cancelling = true;
        foreach (var leg in _legs)
        {
            CancelLeg(leg);
        }
        ReleaseHeldAnswer();
        _callerInvite.SendResponse(CallerResponse(487, null));
        EndCall(EndReason.CallerCancelled);
    }

    /// <summary>Fails the call before answer: the chosen status to the caller, the forks cancelled.</summary>
    private void FailCall(int status, EndReason reason)
    {
        foreach (var leg in _legs)
        {
            CancelLeg(leg);
        }
        ReleaseHeldAnswer();
        var response = CallerResponse(status, null);
        if (reason == EndReason.MediaPortsUnavailable)
        {
            // Capacity, not a fault of the call (RFC 3261 §21.5.4): say when to come back rather than fail over blindly.
            response.Headers.Add(HeaderKind.RetryAfter, MediaRetryAfterSeconds);
        }
        _callerInvite.SendResponse(response);
        EndCall(reason);
    }

    /// <summary>Retry-After on a call refused for want of media ports: a few seconds frees ports of calls ending.</summary>
    private const string MediaRetryAfterSeconds = "5";

    private int BestFailure() => ForkResponses.BestFailure(_legs.Select(l => l.FinalStatus));

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
        return response;
    }

    public void OnTimer(int kind, TimerHandle handle) => Post(() => HandleTimer((CallTimer)kind, handle));
}
