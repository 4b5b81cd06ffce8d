using Softswitch.Sip.Messages;
using static Softswitch.Sip.Transactions.TransactionEvent;
using static Softswitch.Sip.Transactions.TransactionState;

namespace Softswitch.Sip.Transactions;

/// <summary>
/// The non-INVITE server transaction, RFC 3261 §17.2.2 (figure 8). Trying: retransmissions are discarded until the
/// TU answers. Proceeding: a provisional was sent and is re-sent on retransmission. Completed: the final response
/// is re-sent on retransmission until timer J (64*T1, zero when reliable); further TU responses are dropped.
/// </summary>
public sealed class NonInviteServerTransaction : ServerTransaction
{
    internal NonInviteServerTransaction(SipTransactionLayer layer, SipRequest request)
        : base(layer, request, Trying)
    {
    }

    private protected override void Handle(TransactionEvent trigger, SipMessage? message)
    {
        switch (trigger)
        {
            case RequestRetransmission when State == Trying:
                break; // nothing to re-send yet (§17.2.2)
            case RequestRetransmission when State is Proceeding or Completed:
                ResendLastResponse();
                break;
            case Provisional when State is Trying or Proceeding:
                MoveTo(Proceeding);
                SendToPeer((SipResponse)message!);
                break;
            case Success or Failure when State is Trying or Proceeding:
                MoveTo(Completed);
                SendToPeer((SipResponse)message!);
                if (!IsReliable)
                {
                    Trim();
                }
                WaitThenTerminate(IsReliable ? TimeSpan.Zero : Timers.SixtyFourT1); // timer J
                break;
            case WaitTimer when State == Completed: // timer J
                Terminate(TransactionEndReason.Completed);
                break;
            case TransportError when State is Trying or Proceeding or Completed:
                ReportTransportError();
                break;
            default:
                Ignore(trigger);
                break;
        }
    }
}
