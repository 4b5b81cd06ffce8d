using Softswitch.Sip.Messages;
using static Softswitch.Sip.Transactions.TransactionEvent;
using static Softswitch.Sip.Transactions.TransactionState;

namespace Softswitch.Sip.Transactions;

/// <summary>
/// The INVITE client transaction, RFC 3261 §17.1.1 (figure 5), with the Accepted state of RFC 6026 §7.2.
/// Calling: timer A retransmits over UDP, doubling without bound, until timer B (64*T1) times out.
/// Proceeding: 1xx seen, no more retransmissions. Completed: a 300-699 was ACKed here (§17.1.1.3); retransmitted
/// finals are re-ACKed until timer D. Accepted: a 2xx went to the TU; further 2xx go to the TU too (it ACKs them,
/// the ACK of a 2xx being the dialog's) until timer M (64*T1).
/// </summary>
public sealed class InviteClientTransaction : ClientTransaction
{
    private TimeSpan _timerA;
    private SipRequest? _ack;

    internal InviteClientTransaction(SipTransactionLayer layer, SipRequest request, SipEndPoint destination, IClientTransactionUser user)
        : base(layer, request, destination, user, Calling)
    {
    }

    /// <summary>
    /// A CANCEL for this INVITE (§9.1): same Request-URI, Call-ID, From, To, CSeq number and top Via (so the same
    /// branch), and the same Route set. Send it with <see cref="SipTransactionLayer.SendRequest"/> to
    /// <see cref="ClientTransaction.Destination"/>; §9.1 says to wait for a provisional response first.
    /// </summary>
    public SipRequest CreateCancel() => CopyForMethod(SipMethod.Cancel, Request.Headers.Get(HeaderKind.To)!);

    private protected override void OnStart()
    {
        Send(Request, Destination);
        if (!IsReliable)
        {
            _timerA = Timers.T1;
            StartTimer(RetransmitTimer, _timerA);
        }
        StartTimer(TimeoutTimer, Timers.SixtyFourT1); // timer B
    }

    private protected override void Handle(TransactionEvent trigger, SipMessage? message)
    {
        switch (trigger)
        {
            case RetransmitTimer when State == Calling: // timer A
                Send(Request, Destination);
                _timerA = Backoff(_timerA, capAtT2: false);
                StartTimer(RetransmitTimer, _timerA);
                break;
            case TimeoutTimer when State == Calling: // timer B
                ReportTimeout();
                break;
            case Provisional when State is Calling or Proceeding:
                StopTimer(RetransmitTimer);
                StopTimer(TimeoutTimer);
                MoveTo(Proceeding);
                DeliverResponse((SipResponse)message!);
                break;
            case Success when State is Calling or Proceeding:
                StopTimer(RetransmitTimer);
                StopTimer(TimeoutTimer);
                MoveTo(Accepted);
                StartTimer(WaitTimer, Timers.SixtyFourT1); // timer M, RFC 6026 §8.4
                DeliverResponse((SipResponse)message!);
                break;
            case Success when State == Accepted: // RFC 6026 §7.2: retransmitted 2xx go to the TU, which re-sends its ACK
                DeliverResponse((SipResponse)message!);
                break;
            case Failure when State is Calling or Proceeding:
                StopTimer(RetransmitTimer);
                StopTimer(TimeoutTimer);
                MoveTo(Completed);
                var response = (SipResponse)message!;
                _ack = BuildAck(response);
                Send(_ack, Destination);
                DeliverResponse(response);
                WaitThenTerminate(IsReliable ? TimeSpan.Zero : Timers.TimerD); // timer D
                break;
            case Failure when State == Completed: // a retransmitted final: ACK again, don't bother the TU (§17.1.1.2)
                Send(_ack!, Destination);
                break;
            case Provisional or Failure when State == Accepted:
                break; // absorbed (RFC 6026 §7.2)
            case Provisional or Success when State == Completed:
                break; // late responses after the final: absorbed
            case WaitTimer when State is Completed or Accepted: // timers D and M
                Terminate(TransactionEndReason.Completed);
                break;
            case TransportError when State is Calling or Proceeding:
                ReportTransportError();
                break;
            case TransportError: // the ACK could not be sent; the TU already has the final response
                Terminate(TransactionEndReason.TransportError);
                break;
            default:
                Ignore(trigger);
                break;
        }
    }

    /// <summary>
    /// §17.1.1.3: the ACK for a non-2xx final is built here, not by the TU: Request-URI, Call-ID, From, CSeq number and
    /// the top Via (only that one) of the INVITE, the To of the response (with its tag), the INVITE's Route set.
    /// </summary>
    private SipRequest BuildAck(SipResponse response) =>
        CopyForMethod(SipMethod.Ack, response.Headers.Get(HeaderKind.To) ?? Request.Headers.Get(HeaderKind.To)!);

    private SipRequest CopyForMethod(SipMethod method, string to)
    {
        var headers = new SipHeaders();
        headers.Add(HeaderKind.Via, Request.Headers.Get(HeaderKind.Via)!);
        for (int i = Request.Headers.IndexOf(HeaderKind.Route); i >= 0; i = Request.Headers.IndexOf(HeaderKind.Route, i + 1))
        {
            headers.Add(HeaderKind.Route, Request.Headers.ValueAt(i));
        }
        headers.Add(HeaderKind.MaxForwards, "70");
        headers.Add(HeaderKind.From, Request.Headers.Get(HeaderKind.From)!);
        headers.Add(HeaderKind.To, to);
        headers.Add(HeaderKind.CallId, Request.CallId);
        headers.Add(HeaderKind.CSeq, new CSeqValue(Request.CSeq.Number, method, method.ToText()).ToString());
        return new SipRequest(method, method.ToText(), Request.RequestUri, headers, ReadOnlyMemory<byte>.Empty);
    }
}
