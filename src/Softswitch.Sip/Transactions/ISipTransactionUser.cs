using Softswitch.Sip.Messages;

namespace Softswitch.Sip.Transactions;

/// <summary>
/// The transaction user the layer hands incoming traffic to: the registrar, the dialog layer, the B2BUA (RFC 3261
/// §17, §8.2). It is also the default <see cref="IClientTransactionUser"/> for requests sent without their own one.
/// Callbacks run with the transaction's lock held (or none, for ACKs and stray responses): don't block in them.
/// </summary>
public interface ISipTransactionUser : IClientTransactionUser
{
    /// <summary>
    /// A new request created <paramref name="transaction"/> (never an ACK, never a retransmission). The TU answers with
    /// <see cref="ServerTransaction.SendResponse"/>, now or later. For a CANCEL, the TU finds the INVITE with
    /// <see cref="SipTransactionLayer.FindInviteTransaction"/>, answers the CANCEL 200 (or 481 when no INVITE matches,
    /// §9.2) and answers the INVITE 487.
    /// </summary>
    void OnRequest(ServerTransaction transaction, SipRequest request);

    /// <summary>
    /// An ACK the transaction layer does not absorb: the ACK for a 2xx, which belongs to the dialog (§13.3.1.4,
    /// §17.2.1). <paramref name="transaction"/> is the INVITE transaction it matched (RFC 6026 Accepted), usually null
    /// because an RFC 3261 ACK for a 2xx has its own branch.
    /// </summary>
    void OnAck(SipRequest ack, InviteServerTransaction? transaction);

    /// <summary>A response matching no client transaction, e.g. a 2xx retransmission for an INVITE (§13.2.2.4).</summary>
    void OnStrayResponse(SipResponse response);

    /// <summary>Timer H fired: the ACK for a non-2xx final never came (§17.2.1).</summary>
    void OnTimeout(ServerTransaction transaction);

    /// <summary>A response could not be sent (§17.2.4).</summary>
    void OnTransportError(ServerTransaction transaction, Exception error);

    /// <summary>The server transaction has left the table.</summary>
    void OnTerminated(ServerTransaction transaction, TransactionEndReason reason)
    {
    }
}
