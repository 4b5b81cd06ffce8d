using Softswitch.Sip.Messages;

namespace Softswitch.Sip.Transactions;

/// <summary>A client transaction (RFC 3261 §17.1): sends a request and delivers its responses to the TU.</summary>
public abstract class ClientTransaction : SipTransaction
{
    private protected ClientTransaction(
        SipTransactionLayer layer, SipRequest request, SipEndPoint destination, IClientTransactionUser user, TransactionState initial)
        : base(layer, request, destination.Transport != SipTransportKind.Udp, initial)
    {
        Destination = destination;
        User = user;
        Key = TransactionKey.ForClient(request.TopVia.Branch!, request.CSeq);
    }

    /// <summary>Where the request (and, for INVITE, the ACK of a non-2xx) goes.</summary>
    public SipEndPoint Destination { get; }

    /// <summary>§17.1.3: top Via branch plus CSeq method.</summary>
    public TransactionKey Key { get; }

    /// <summary>The last response passed to the TU.</summary>
    public SipResponse? LastResponse { get; private protected set; }

    private protected IClientTransactionUser User { get; }

    /// <summary>Sends the request and starts the timers; called once by the layer after the transaction is in the table.</summary>
    internal void Start()
    {
        lock (Gate)
        {
            OnStart();
            FlushSendErrors();
        }
    }

    internal void ReceiveResponse(SipResponse response)
    {
        lock (Gate)
        {
            Dispatch(ResponseEvent(response.StatusCode), response);
        }
    }

    private protected abstract void OnStart();

    private protected void DeliverResponse(SipResponse response)
    {
        LastResponse = response;
        User.OnResponse(this, response);
    }

    private protected void ReportTimeout()
    {
        TransactionLog.TimedOut(Layer.Logger, GetType().Name, State, CallId);
        User.OnTimeout(this);
        Terminate(TransactionEndReason.Timeout);
    }

    private protected void ReportTransportError()
    {
        TransactionLog.TransportError(Layer.Logger, LastError!, GetType().Name, State, CallId);
        User.OnTransportError(this, LastError!);
        Terminate(TransactionEndReason.TransportError);
    }

    private protected override void ReportTerminated(TransactionEndReason reason) => User.OnTerminated(this, reason);

    internal static TransactionEvent ResponseEvent(int statusCode) => statusCode switch
    {
        < 200 => TransactionEvent.Provisional,
        < 300 => TransactionEvent.Success,
        _ => TransactionEvent.Failure,
    };
}
