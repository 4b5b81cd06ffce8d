using Softswitch.Sip.Messages;

namespace Softswitch.Sip.Transactions;

/// <summary>
/// Asked by the transaction layer before a new request gets a server transaction (never for a retransmission, which
/// its transaction absorbs, nor for an ACK): null admits it, a response refuses it. The layer sends the refusal
/// statelessly, once, to the request's real source (§8.2.6, §18.2.2 with RFC 3581), and keeps nothing.
/// </summary>
public interface IRequestAdmission
{
    /// <param name="serverTransactions">Server transactions in the table now.</param>
    /// <param name="invitesInSetup">INVITE server transactions not yet answered with a final response: calls in set-up.</param>
    SipResponse? Refuse(SipRequest request, int serverTransactions, int invitesInSetup);
}
