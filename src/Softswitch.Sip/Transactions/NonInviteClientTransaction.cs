using Softswitch.Sip.Messages;
using static Softswitch.Sip.Transactions.TransactionEvent;
using static Softswitch.Sip.Transactions.TransactionState;

namespace Softswitch.Sip.Transactions;

/// <summary>
/// The non-INVITE client transaction, RFC 3261 §17.1.2 (figure 6). Trying: timer E retransmits over UDP, doubling up
/// to T2. Proceeding: a 1xx was seen; timer E keeps retransmitting every T2. Timer F (64*T1) times out either state.
/// Completed: the final went to the TU; retransmitted responses are absorbed until timer K (T4, zero when reliable).
/// </summary>
public sealed class NonInviteClientTransaction : ClientTransaction
{
    private TimeSpan _timerE;

    internal NonInviteClientTransaction(SipTransactionLayer layer, SipRequest request, SipEndPoint destination, IClientTransactionUser user)
        : base(layer, request, destination, user, Trying)
    {
    }

    private protected override void OnStart()
    {
        Send(Request, Destination);
        if (!IsReliable)
        {
            _timerE = Timers.T1;
            StartTimer(RetransmitTimer, _timerE);
        }
        StartTimer(TimeoutTimer, Timers.SixtyFourT1); // timer F
    }

    private protected override void Handle(TransactionEvent trigger, SipMessage? message)
    {
        switch (trigger)
        {
            case RetransmitTimer when State is Trying or Proceeding: // timer E
                Send(Request, Destination);
                _timerE = State == Trying ? Backoff(_timerE, capAtT2: true) : Timers.T2;
                StartTimer(RetransmitTimer, _timerE);
                break;
            case TimeoutTimer when State is Trying or Proceeding: // timer F
                ReportTimeout();
                break;
            case Provisional when State is Trying or Proceeding:
                MoveTo(Proceeding);
                DeliverResponse((SipResponse)message!);
                break;
            case Success or Failure when State is Trying or Proceeding:
                StopTimer(RetransmitTimer);
                StopTimer(TimeoutTimer);
                MoveTo(Completed);
                DeliverResponse((SipResponse)message!);
                WaitThenTerminate(IsReliable ? TimeSpan.Zero : Timers.T4); // timer K
                break;
            case Provisional or Success or Failure when State == Completed:
                break; // retransmitted responses are absorbed (§17.1.2.2)
            case WaitTimer when State == Completed: // timer K
                Terminate(TransactionEndReason.Completed);
                break;
            case TransportError when State is Trying or Proceeding:
                ReportTransportError();
                break;
            default:
                Ignore(trigger);
                break;
        }
    }
}
