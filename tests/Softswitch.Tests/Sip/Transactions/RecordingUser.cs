using Softswitch.Sip.Messages;
using Softswitch.Sip.Transactions;

namespace Softswitch.Tests.Sip.Transactions;

/// <summary>A transaction user that records every callback, optionally answering requests as they arrive.</summary>
internal sealed class RecordingUser : ISipTransactionUser
{
    public List<(ServerTransaction Transaction, SipRequest Request)> Requests { get; } = [];

    public List<(ClientTransaction Transaction, SipResponse Response)> Responses { get; } = [];

    public List<(SipRequest Ack, InviteServerTransaction? Transaction)> Acks { get; } = [];

    public List<SipResponse> StrayResponses { get; } = [];

    public List<SipTransaction> Timeouts { get; } = [];

    public List<SipTransaction> TransportErrors { get; } = [];

    public List<(SipTransaction Transaction, TransactionEndReason Reason)> Terminated { get; } = [];

    /// <summary>Runs inside OnRequest, e.g. to answer at once.</summary>
    public Action<ServerTransaction, SipRequest>? Answer { get; set; }

    public void OnRequest(ServerTransaction transaction, SipRequest request)
    {
        Requests.Add((transaction, request));
        Answer?.Invoke(transaction, request);
    }

    public void OnAck(SipRequest ack, InviteServerTransaction? transaction) => Acks.Add((ack, transaction));

    public void OnStrayResponse(SipResponse response) => StrayResponses.Add(response);

    public void OnResponse(ClientTransaction transaction, SipResponse response) => Responses.Add((transaction, response));

    public void OnTimeout(ClientTransaction transaction) => Timeouts.Add(transaction);

    public void OnTimeout(ServerTransaction transaction) => Timeouts.Add(transaction);

    public void OnTransportError(ClientTransaction transaction, Exception error) => TransportErrors.Add(transaction);

    public void OnTransportError(ServerTransaction transaction, Exception error) => TransportErrors.Add(transaction);

    public void OnTerminated(ClientTransaction transaction, TransactionEndReason reason) => Terminated.Add((transaction, reason));

    public void OnTerminated(ServerTransaction transaction, TransactionEndReason reason) => Terminated.Add((transaction, reason));
}
