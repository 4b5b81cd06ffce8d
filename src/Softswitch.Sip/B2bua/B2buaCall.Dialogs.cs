using Softswitch.Core.Calls;
using Softswitch.Sip.Messages;
using Softswitch.Sip.Transactions;

namespace Softswitch.Sip.B2bua;

internal sealed partial class B2buaCall
{
    /// <summary>An in-dialog request (To tag matched one of this call's dialogs), on the mailbox.</summary>
    public void OnInDialogRequest(CallSide side, ServerTransaction transaction, SipRequest request)
    {
        var leg = side == CallSide.Callee ? FindLeg(request) : null;
        if (!FromKnownPeer(side, leg, request))
        {
            RefuseStranger(transaction, request);
            return;
        }
        SipDialog from = leg?.Dialog ?? Caller;
        if (!from.AcceptRemoteCSeq(request.CSeq.Number))
        {
            transaction.SendResponse(SipResponseFactory.Create(request, 500, "Server Internal Error - CSeq out of order"));
            return;
        }
        switch (request.Method)
        {
            case SipMethod.Bye:
                transaction.SendResponse(SipResponseFactory.Create(request, 200));
                if (side == CallSide.Caller)
                {
                    Fire(BridgeEvent.CallerBye, new CallInput { Request = request });
                }
                else
                {
                    leg?.Fire(LegEvent.RemoteBye, new CallInput { Request = request });
                }
                break;
            case SipMethod.Invite or SipMethod.Update or SipMethod.Info or SipMethod.Message or SipMethod.Notify or SipMethod.Refer
                when IsUp:
                Relay(side, transaction, request, _winner!.Dialog);
                break;
            case SipMethod.Prack:
                OnPrack(side, transaction, request);
                break;
            case SipMethod.Update when IsSettingUp:
                RelayEarlyUpdate(side, transaction, request, from);
                break;
            case SipMethod.Invite when IsSettingUp:
                // A re-INVITE while the first one is pending (§14.1).
                transaction.SendResponse(SipResponseFactory.Create(request, 491));
                break;
            default:
                // §20.5: a 405 names what is allowed.
                transaction.SendResponse(State == BridgeState.Ended
                    ? SipResponseFactory.Create(request, 481)
                    : SipCapabilities.WithAllow(SipResponseFactory.Create(request, 405)));
                break;
        }
    }

    /// <summary>The leg a callee-side request belongs to (each leg has its own Call-ID).</summary>
    private CalleeLeg? FindLeg(SipRequest request) => _legs.Find(l => l.Dialog.CallId == request.CallId);

    /// <summary>
    /// Relays an in-dialog request to the other side as a new request in that side's dialog, with SDP rewritten,
    /// and the final response back (re-INVITE for hold/resume or codec change, UPDATE, INFO for DTMF, …).
    /// <paramref name="callee"/> is the callee leg's dialog on the far or near side (the answered one once connected).
    /// </summary>
    private void Relay(CallSide side, ServerTransaction transaction, SipRequest request, SipDialog callee)
    {
        SipDialog to = side == CallSide.Caller ? callee : Caller;
        var forward = to.CreateRequest(request.Method);
        MaxForwards.CarryOver(request, forward);
        foreach (var kind in new[] { HeaderKind.ContentType, HeaderKind.Event, HeaderKind.SessionExpires, HeaderKind.MinSE, HeaderKind.Supported, HeaderKind.Require, HeaderKind.ReferTo })
        {
            foreach (string value in request.Headers.GetAll(kind))
            {
                forward.Headers.Add(kind, value);
            }
        }
        if (request.Method != SipMethod.Invite)
        {
            // INFO/UPDATE bodies (DTMF, SDP) keep their type; SDP is rewritten for the other side.
            foreach (string name in new[] { "Info-Package", "Recv-Info" })
            {
                if (request.Headers.Get(name) is { } value)
                {
                    forward.Headers.Add(name, value);
                }
            }
        }
        forward.Body = RewriteRelayedBody(side, request);
        var relay = new InDialogRelay(this, side, transaction, forward, callee);
        _owner.Transactions.SendRequest(forward, to.Destination, relay);
    }

    /// <summary>The other side answered a relayed request: answer the original one the same way.</summary>
    internal void OnRelayedResponse(InDialogRelay relay, SipResponse response)
    {
        var original = relay.Origin.Request;
        SipDialog answering = relay.OriginSide == CallSide.Caller ? relay.CalleeDialog : Caller;
        if (original.Method == SipMethod.Invite && response.StatusCode >= 200 && response.StatusCode < 300)
        {
            // We are the UAC of the relayed re-INVITE: ACK its 2xx ourselves (§13.2.2.4).
            _owner.SendStateless(answering.CreateRequest(SipMethod.Ack, response.CSeq.Number), answering.Destination);
        }
        if (response.StatusCode == 100)
        {
            return;
        }
        string? tag = relay.OriginSide == CallSide.Caller ? Caller.LocalTag : relay.CalleeDialog.LocalTag;
        var back = SipResponseFactory.Create(original, response.StatusCode, response.ReasonPhrase, tag);
        if (response.Headers.Get(HeaderKind.ContentType) is { } type && !response.Body.IsEmpty)
        {
            back.Headers.Add(HeaderKind.ContentType, type);
            back.Body = RewriteRelayedResponseBody(relay.OriginSide, response);
        }
        foreach (string value in response.Headers.GetAll(HeaderKind.SessionExpires))
        {
            back.Headers.Add(HeaderKind.SessionExpires, value);
        }
        if (response.StatusCode is >= 200 and < 300 && original.Method is SipMethod.Invite or SipMethod.Update)
        {
            ArmSessionTimer(response); // a successful refresh (RFC 4028 §10)
        }
        if (response.StatusCode < 300 && original.Method is SipMethod.Invite or SipMethod.Update)
        {
            back.Headers.Add(HeaderKind.Contact, (relay.OriginSide == CallSide.Caller ? Caller : relay.CalleeDialog).LocalContact);
        }
        relay.Origin.SendResponse(back);
    }

    internal void OnRelayedFailure(InDialogRelay relay, int status)
    {
        var original = relay.Origin.Request;
        relay.Origin.SendResponse(SipResponseFactory.Create(original, status));
        if (status == 408)
        {
            // §12.2.1.2: a 408 or 481 to an in-dialog request ends the dialog; tear the call down.
            Fire(BridgeEvent.RelayTimedOut, new CallInput { Reason = EndReason.LegUnreachable });
        }
    }
}

/// <summary>One relayed in-dialog request: the original server transaction and the forward's client transaction.</summary>
internal sealed class InDialogRelay(B2buaCall call, CallSide originSide, ServerTransaction origin, SipRequest forward, SipDialog calleeDialog)
    : IClientTransactionUser
{
    public CallSide OriginSide { get; } = originSide;

    /// <summary>The callee leg's dialog the request crossed (the answered leg, or an early one before answer).</summary>
    public SipDialog CalleeDialog { get; } = calleeDialog;

    public ServerTransaction Origin { get; } = origin;

    public SipRequest Forward { get; } = forward;

    public void OnResponse(ClientTransaction transaction, SipResponse response) => call.Post(() => call.OnRelayedResponse(this, response));

    public void OnTimeout(ClientTransaction transaction) => call.Post(() => call.OnRelayedFailure(this, 408));

    public void OnTransportError(ClientTransaction transaction, Exception error) => call.Post(() => call.OnRelayedFailure(this, 503));
}
