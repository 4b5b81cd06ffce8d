using System.Globalization;
using Softswitch.Core.Calls;
using Softswitch.Sip.Messages;
using Softswitch.Sip.Timers;
using Softswitch.Sip.Transactions;

namespace Softswitch.Sip.B2bua;

/// <summary>
/// Reliable provisional responses (RFC 3262, option tag 100rel), on each leg independently.
/// Leg B (the switch is UAC): the switch offers 100rel itself when it has sent an offer, PRACKs every in-order
/// reliable provisional in its early dialog, and neither PRACKs nor relays retransmissions or out-of-order ones.
/// Leg A (the switch is UAS): when the caller supports or requires 100rel, provisionals go to it reliably (Require,
/// RSeq), retransmitted on the timer wheel until the caller's PRACK, one outstanding at a time; a 2xx waits while
/// an unacknowledged one carried SDP.
/// </summary>
internal sealed partial class B2buaCall
{
    /// <summary>Provisionals waiting behind an unacknowledged one; the bound keeps a chatty callee from growing it.</summary>
    private const int MaxQueuedProvisionals = 8;

    private uint _nextRSeq;
    private ReliableProvisional? _unacked;
    private Queue<(SipResponse Response, bool WithSdp)>? _queuedProvisionals;
    private TimerHandle _reliableTimer;
    private TimeSpan _reliableInterval;
    private TimeSpan _reliableElapsed;
    private CalleeLeg? _earlyLeg;

    /// <summary>One reliable provisional sent to the caller and not yet PRACKed.</summary>
    private sealed record ReliableProvisional(SipResponse Response, uint RSeq, bool WithSdp);

    /// <summary>
    /// RFC 3262 §3: reliable when the caller requires it; when it only supports it, reliable unless the INVITE had no
    /// offer (SDP in a reliable provisional would then be the offer, which the switch cannot take back in the 2xx).
    /// </summary>
    private bool ReliableToCaller =>
        OptionTags.Has(CallerInvite.Headers, HeaderKind.Require, OptionTags.Reliable)
        || (!LateOffer && OptionTags.Has(CallerInvite.Headers, HeaderKind.Supported, OptionTags.Reliable));

    /// <summary>
    /// Supported of leg B's INVITE: what the switch itself does on that leg, not a copy of the caller's list.
    /// 100rel only with an offer in the INVITE: a reliable provisional then carries an answer at most, and the PRACK
    /// needs no SDP (RFC 3262 §5); timer when the caller negotiates session timers, which the switch relays end to end.
    /// </summary>
    private string? CalleeSideSupported()
    {
        bool timer = OptionTags.Has(CallerInvite.Headers, HeaderKind.Supported, OptionTags.Timer)
            || CallerInvite.Headers.Contains(HeaderKind.SessionExpires);
        return (!LateOffer, timer) switch
        {
            (true, true) => OptionTags.Reliable + ", " + OptionTags.Timer,
            (true, false) => OptionTags.Reliable,
            (false, true) => OptionTags.Timer,
            _ => null,
        };
    }

    /// <summary>
    /// Leg B, RFC 3262 §4. A provisional is relayed when this returns true. A reliable one (Require: 100rel, not 100)
    /// must carry RSeq and the leg's early-dialog tag; the first sets the sequence, each next one must be exactly one
    /// higher: it is PRACKed once. A retransmission (the same RSeq: "the UAC MUST NOT retransmit the PRACK request
    /// when it receives a retransmission of the provisional response being acknowledged") and an out-of-order one
    /// ("MUST NOT be acknowledged with a PRACK, and MUST NOT be processed further") are dropped.
    /// </summary>
    private bool AcceptCalleeProvisional(CalleeLeg leg, SipResponse response)
    {
        if (response.StatusCode == 100)
        {
            return true; // §3: 100 is never reliable; its Require: 100rel is ignored
        }
        if (response.To.Tag is { } tag && tag == leg.Dialog.RemoteTag)
        {
            AdoptCalleeDialog(leg, response); // the early dialog's remote target and route set (RFC 3261 §12.1.2)
        }
        if (!OptionTags.Has(response.Headers, HeaderKind.Require, OptionTags.Reliable))
        {
            return true;
        }
        if (!RAckValue.TryParseRSeq(response.Headers.Get(RAckValue.RSeqHeaderName), out uint rseq) || rseq == 0)
        {
            _owner.LogReliableDropped(Caller.CallId, response.StatusCode, "missing or malformed RSeq");
            return false;
        }
        if (response.To.Tag is null || response.To.Tag != leg.Dialog.RemoteTag)
        {
            _owner.LogReliableDropped(Caller.CallId, response.StatusCode, "not in the leg's early dialog");
            return false;
        }
        if (leg.LastRSeq is { } last && rseq != unchecked(last + 1))
        {
            return false;
        }
        leg.LastRSeq = rseq;
        SendPrack(leg, rseq, response.CSeq);
        return true;
    }

    /// <summary>PRACK in the early dialog: next CSeq, remote target and route set from the provisional (RFC 3262 §4, §7.2).</summary>
    private void SendPrack(CalleeLeg leg, uint rseq, CSeqValue invite)
    {
        var prack = leg.Dialog.CreateRequest(SipMethod.Prack);
        prack.Headers.Add(RAckValue.HeaderName, new RAckValue(rseq, invite.Number, invite.MethodName).ToString());
        _owner.Transactions.SendRequest(prack, leg.Dialog.Destination, NoResponseExpected.Instance);
    }

    /// <summary>Leg A: a relayed provisional goes out reliably or not (see <see cref="ReliableToCaller"/>).</summary>
    private void SendCallerProvisional(CalleeLeg leg, SipResponse relay, bool withSdp)
    {
        if (leg.Dialog.RemoteTag is not null)
        {
            _earlyLeg = leg;
        }
        if (!ReliableToCaller)
        {
            _callerInvite.SendResponse(relay);
            return;
        }
        if (LateOffer && withSdp)
        {
            // Required with a late offer: SDP in a reliable provisional would be an offer (RFC 3262 §5); the
            // offer stays in the 2xx, so early media is not offered to this caller.
            relay.Headers.RemoveAll(HeaderKind.ContentType);
            relay.Body = ReadOnlyMemory<byte>.Empty;
            withSdp = false;
        }
        if (_unacked is not null)
        {
            // §3: "The UAS MUST NOT send a second reliable provisional response until the first is acknowledged."
            _queuedProvisionals ??= new Queue<(SipResponse, bool)>();
            if (_queuedProvisionals.Count < MaxQueuedProvisionals)
            {
                _queuedProvisionals.Enqueue((relay, withSdp));
            }
            return;
        }
        SendReliable(relay, withSdp);
    }

    /// <summary>
    /// §3: Require: 100rel and RSeq (the first uniformly in 1..2**31-1, then one higher each), retransmitted from T1,
    /// doubling with no T2 cap (unlike a 2xx: PRACKs are not triggered by retransmissions), until PRACK or 64*T1.
    /// </summary>
    private void SendReliable(SipResponse relay, bool withSdp)
    {
        if (_nextRSeq == 0)
        {
            _nextRSeq = (uint)Random.Shared.Next(1, int.MaxValue);
        }
        uint rseq = _nextRSeq++;
        relay.Headers.Add(HeaderKind.Require, OptionTags.Reliable);
        relay.Headers.Add(RAckValue.RSeqHeaderName, rseq.ToString(CultureInfo.InvariantCulture));
        _unacked = new ReliableProvisional(relay, rseq, withSdp);
        _reliableInterval = _owner.TimerOptions.T1;
        _reliableElapsed = TimeSpan.Zero;
        ScheduleReliableTimer();
        _callerInvite.SendResponse(relay);
    }

    /// <summary>The next retransmission, or the end of the 64*T1 window if that comes first.</summary>
    private void ScheduleReliableTimer()
    {
        var delay = TimeSpan.FromTicks(Math.Min(_reliableInterval.Ticks, (_owner.TimerOptions.SixtyFourT1 - _reliableElapsed).Ticks));
        _reliableElapsed += delay;
        Wheel.Cancel(_reliableTimer);
        _reliableTimer = Wheel.Schedule(delay, this, (int)CallTimer.ReliableRetransmit);
    }

    /// <summary>(Calling or AnswerHeld, ReliableTimer): the unacknowledged provisional again, or 504 after 64*T1.</summary>
    private void OnReliableTimer()
    {
        if (_unacked is not { } unacked)
        {
            return;
        }
        if (_reliableElapsed >= _owner.TimerOptions.SixtyFourT1)
        {
            // §3: "the UAS SHOULD reject the original request with a 5xx response".
            Fire(BridgeEvent.Fail, new CallInput { Status = SipStatusFor(EndReason.PrackTimeout), Reason = EndReason.PrackTimeout });
            return;
        }
        // The next timer is armed before the retransmission leaves, so whoever sees the message also finds the
        // timer counted from this moment (a clock read after the send could be later than the send).
        _reliableInterval *= 2;
        ScheduleReliableTimer();
        _callerInvite.SendResponse(unacked.Response);
    }

    /// <summary>
    /// §3: the 2xx must not go to the caller while a reliable provisional with SDP is unacknowledged; it is sent when
    /// the PRACK comes. Provisionals still queued are dropped: the answer supersedes them.
    /// </summary>
    private bool HoldAnswerForPrack()
    {
        _queuedProvisionals?.Clear();
        if (_unacked is not { WithSdp: true })
        {
            Wheel.Cancel(_reliableTimer); // a final response may overtake one without SDP; it is no longer resent
            return false;
        }
        return true;
    }

    /// <summary>
    /// PRACK on the caller's early dialog (§3): 200 when its RAck names the unacknowledged reliable provisional
    /// (RSeq, the INVITE's CSeq number and method), 481 when it names none, 400 when RAck is missing or malformed.
    /// A PRACK carrying SDP stops the retransmissions too but gets 488: the switch does not relay offers in PRACK.
    /// </summary>
    private void OnPrack(CallSide side, ServerTransaction transaction, SipRequest prack)
    {
        if (!RAckValue.TryParse(prack.Headers.Get(RAckValue.HeaderName), out var rack))
        {
            transaction.SendResponse(SipResponseFactory.Create(prack, 400, "Bad Request - RAck missing or malformed"));
            return;
        }
        var invite = CallerInvite.CSeq;
        if (side != CallSide.Caller || State == BridgeState.Ended || _unacked is not { } unacked
            || rack.RSeq != unacked.RSeq || rack.CSeq != invite.Number
            || !string.Equals(rack.Method, invite.MethodName, StringComparison.Ordinal))
        {
            transaction.SendResponse(SipResponseFactory.Create(prack, 481));
            return;
        }
        _unacked = null;
        Wheel.Cancel(_reliableTimer);
        transaction.SendResponse(prack.Body.IsEmpty
            ? SipResponseFactory.Create(prack, 200)
            : SipResponseFactory.Create(prack, 488, "Not Acceptable Here - no offer in PRACK"));
        if (State == BridgeState.AnswerHeld)
        {
            Fire(BridgeEvent.AnswerReleased);
        }
        else if (IsSettingUp && _queuedProvisionals is { Count: > 0 } queue)
        {
            var (next, withSdp) = queue.Dequeue();
            SendReliable(next, withSdp);
        }
    }

    /// <summary>
    /// UPDATE before answer (RFC 3311 §5.1: allowed in an early dialog): relayed between the caller's early dialog
    /// and the callee leg it hears (the answered one, else the one whose provisional it got last), SDP rewritten.
    /// 481 when the other side has no early dialog yet.
    /// </summary>
    private void RelayEarlyUpdate(CallSide side, ServerTransaction transaction, SipRequest update, SipDialog from)
    {
        SipDialog? callee = side == CallSide.Callee ? from : (_winner?.Dialog ?? _earlyLeg?.Dialog);
        if (callee is null || _earlyLeg is null)
        {
            transaction.SendResponse(SipResponseFactory.Create(update, 481, "Call/Transaction Does Not Exist - no early dialog on the other leg"));
            return;
        }
        Relay(side, transaction, update, callee);
    }
}
