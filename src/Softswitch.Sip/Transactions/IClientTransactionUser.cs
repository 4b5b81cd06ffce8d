using Softswitch.Sip.Messages;

namespace Softswitch.Sip.Transactions;

/// <summary>
/// What a client transaction reports to the transaction user that sent the request (RFC 3261 §17.1). Called with the
/// transaction's lock held, in event order: implementations must not block (post to the call's own mailbox instead).
/// </summary>
public interface IClientTransactionUser
{
    /// <summary>
    /// A response the TU must see: every 1xx, the first final response, and for INVITE every 2xx while the
    /// transaction is Accepted (RFC 6026 §7.2: 2xx retransmissions go to the TU, which re-sends its ACK).
    /// Retransmitted non-2xx finals are absorbed (§17.1.1.2, §17.1.2.2).
    /// </summary>
    void OnResponse(ClientTransaction transaction, SipResponse response);

    /// <summary>Timer B or F fired with no final response: the TU treats this as a 408 (§8.1.3.1, §17.1.1.2).</summary>
    void OnTimeout(ClientTransaction transaction);

    /// <summary>The transport could not send the request (§17.1.4): the TU treats this as a 503 (§8.1.3.1).</summary>
    void OnTransportError(ClientTransaction transaction, Exception error);

    /// <summary>The transaction has left the table; nothing more will be reported for it.</summary>
    void OnTerminated(ClientTransaction transaction, TransactionEndReason reason)
    {
    }
}
