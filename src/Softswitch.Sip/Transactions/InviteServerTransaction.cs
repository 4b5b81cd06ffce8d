using Softswitch.Sip.Messages;
using static Softswitch.Sip.Transactions.TransactionEvent;
using static Softswitch.Sip.Transactions.TransactionState;

namespace Softswitch.Sip.Transactions;

/// <summary>
/// The INVITE server transaction, RFC 3261 §17.2.1 (figure 7), with the Accepted state of RFC 6026 §7.1.
/// Proceeding: sends 100 Trying after 200 ms unless the TU sent a provisional first; a retransmitted INVITE gets the
/// last provisional again. Completed: a 300-699 is retransmitted by timer G (doubling to T2) until the ACK arrives or
/// timer H (64*T1) gives up. Confirmed: ACK retransmissions are absorbed until timer I (T4, zero when reliable).
/// Accepted: after a 2xx, INVITE retransmissions are absorbed and ACKs (for the 2xx) go to the TU until timer L.
/// </summary>
public sealed class InviteServerTransaction : ServerTransaction
{
    private TimeSpan _timerG;
    private bool _leftSetup;

    internal InviteServerTransaction(SipTransactionLayer layer, SipRequest request)
        : base(layer, request, Proceeding)
    {
    }

    /// <summary>§17.2.1: 100 Trying goes out after 200 ms unless the TU sends a provisional (or final) first.</summary>
    private protected override void OnStart() => StartTimer(TryingTimer, Timers.TryingDelay);

    private protected override void Handle(TransactionEvent trigger, SipMessage? message)
    {
        switch (trigger)
        {
            case TryingTimer when State == Proceeding && LastResponse is null:
                SendToPeer(SipResponseFactory.Create(Request, 100));
                break;
            case TryingTimer:
                break; // the TU answered first
            case RequestRetransmission when State == Proceeding:
                if (LastResponse is null)
                {
                    StopTimer(TryingTimer);
                    SendToPeer(SipResponseFactory.Create(Request, 100));
                }
                else
                {
                    ResendLastResponse();
                }
                break;
            case RequestRetransmission when State == Completed:
                ResendLastResponse();
                break;
            case RequestRetransmission when State is Confirmed or Accepted:
                break; // absorbed (§17.2.1; RFC 6026 §7.1: the TU re-sends its 2xx itself)
            case Provisional when State == Proceeding:
                StopTimer(TryingTimer);
                SendToPeer((SipResponse)message!);
                break;
            case Success when State == Proceeding:
                LeaveSetup();
                StopTimer(TryingTimer);
                MoveTo(Accepted);
                StartTimer(WaitTimer, Timers.SixtyFourT1); // timer L, RFC 6026 §8.7
                SendToPeer((SipResponse)message!);
                break;
            case Success when State == Accepted: // the TU retransmits its 2xx (§13.3.1.4) through us
                SendToPeer((SipResponse)message!);
                break;
            case Failure when State == Proceeding:
                LeaveSetup();
                StopTimer(TryingTimer);
                MoveTo(Completed);
                if (!IsReliable)
                {
                    _timerG = Timers.T1;
                    StartTimer(RetransmitTimer, _timerG);
                }
                StartTimer(TimeoutTimer, Timers.SixtyFourT1); // timer H
                SendToPeer((SipResponse)message!);
                break;
            case RetransmitTimer when State == Completed: // timer G
                ResendLastResponse();
                _timerG = Backoff(_timerG, capAtT2: true);
                StartTimer(RetransmitTimer, _timerG);
                break;
            case TimeoutTimer when State == Completed: // timer H: the ACK never came
                ReportTimeout();
                break;
            case Ack when State == Completed:
                StopTimer(RetransmitTimer);
                StopTimer(TimeoutTimer);
                MoveTo(Confirmed);
                WaitThenTerminate(IsReliable ? TimeSpan.Zero : Timers.T4); // timer I
                break;
            case Ack when State == Confirmed:
                break; // retransmitted ACKs are absorbed
            case Ack when State == Accepted: // RFC 6026 §7.1: an ACK matching the transaction here is for the 2xx
                Layer.User.OnAck((SipRequest)message!, this);
                break;
            case WaitTimer when State is Confirmed or Accepted: // timers I and L
                Terminate(TransactionEndReason.Completed);
                break;
            case TransportError when State is Proceeding or Completed or Accepted:
                ReportTransportError();
                break;
            default:
                Ignore(trigger);
                break;
        }
    }

    private protected override void ReportTerminated(TransactionEndReason reason)
    {
        LeaveSetup(); // ended in Proceeding: abandoned, or its provisional could not be sent
        base.ReportTerminated(reason);
    }

    /// <summary>The INVITE got its final response (or ended): it no longer counts as a call in set-up.</summary>
    private void LeaveSetup()
    {
        if (!_leftSetup)
        {
            _leftSetup = true;
            Layer.InviteAnswered();
        }
    }
}
