using Softswitch.Sip.Messages;

namespace Softswitch.Sip.B2bua;

/// <summary>Provisionals relayed to the caller, and the answer: the first 2xx wins (RFC 3261 §13.2.2.4).</summary>
internal sealed partial class B2buaCall
{
    private SipResponse? _heldAnswer;

    /// <summary>
    /// (Calling, LegProgress): 1xx other than 100 is relayed to the caller in the caller's early dialog, SDP rewritten
    /// (§13.3.1.1); each moves the set-up stage timer.
    /// </summary>
    private void RelayProvisional(CallInput input)
    {
        var (leg, response) = (input.Leg!, input.Response!);
        if (response.StatusCode == 100)
        {
            OnTryingReceived();
            StartSetupTimer(SetupStage.Trying);
            return;
        }
        var relay = CallerResponse(response.StatusCode, response.ReasonPhrase);
        bool withSdp = TryAnswerMedia(leg, response, relay);
        NoteProgress(response.StatusCode, withSdp);
        OnProvisionalReceived(response.StatusCode, withSdp);
        StartSetupTimer(response.StatusCode is 180 or 181 or 182 ? SetupStage.Ringing : SetupStage.Progress);
        SendCallerProvisional(leg, relay, withSdp);
    }

    /// <summary>
    /// (Calling, LegAnswered): ACK it (with a late offer, only once the caller's answer is known), give up the other
    /// legs, and answer the caller, or hold the answer until the caller's PRACK (RFC 3262 §3).
    /// </summary>
    private void TakeAnswer(CallInput input)
    {
        var leg = input.Leg!;
        _winner = leg;
        if (!LateOffer)
        {
            leg.Fire(LegEvent.Ack, input);
        }
        AbandonLegs(except: leg);
        if (HoldAnswerForPrack())
        {
            _heldAnswer = input.Response;
            return;
        }
        Fire(BridgeEvent.AnswerReleased, input);
    }

    /// <summary>(AnswerHeld, AnswerReleased): the caller's 200, SDP rewritten.</summary>
    private void CompleteAnswer(CallInput input)
    {
        var response = input.Response ?? _heldAnswer!;
        _heldAnswer = null;
        var ok = CallerResponse(200, "OK");
        TryAnswerMedia(_winner!, response, ok);
        CopySessionTimerHeaders(response, ok);
        OnAnswered(response);
        if (DirectMedia(_winner!))
        {
            ReleaseMedia(); // rtpForwardType 2: the ends talk directly; the relay carries nothing of this call
        }
        StopSetupTimer();
        SendCallerOk(ok);
        StartCallTimers();
        ArmSessionTimer(response);
    }

    /// <summary>A 2xx (or a reliable provisional in the leg's early dialog) sets the remote target and route set (§12.1.2).</summary>
    private void AdoptCalleeDialog(CalleeLeg leg, SipResponse response)
    {
        leg.Dialog.RemoteTag ??= response.To.Tag;
        leg.ResponseSource = response.Source ?? leg.ResponseSource;
        if (response.Headers.Get(HeaderKind.Contact) is { } contact)
        {
            try
            {
                leg.Dialog.RemoteTarget = NameAddress.Parse(contact).Uri;
                if (_attempt is { } current && leg.Attempt == current.Number && current.Attempt.Plan?.Gateway is { } gateway)
                {
                    leg.Dialog.Destination = RequestAddressMethod.Destination(leg.Dialog.Destination, leg.Dialog.RemoteTarget, gateway.SipRequestAddressMethod);
                }
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
        if (PendingLateOfferAnswer is { } answer && leg == _winner)
        {
            ack.Headers.Add(HeaderKind.ContentType, "application/sdp");
            ack.Body = answer;
        }
        _owner.SendStateless(ack, leg.Dialog.Destination);
    }
}
