using Softswitch.Sip.Messages;
using Softswitch.Sip.Transactions;

namespace Softswitch.Sip.B2bua;

/// <summary>
/// One outbound INVITE of a call (one per registered contact of the callee: parallel forking). Its transaction
/// events are posted to the call's mailbox; the call decides.
/// </summary>
internal sealed class CalleeLeg(B2buaCall call, SipDialog dialog) : IClientTransactionUser
{
    public SipDialog Dialog { get; } = dialog;

    public InviteClientTransaction? Invite { get; set; }

    /// <summary>A provisional arrived, so a CANCEL may be sent (RFC 3261 §9.1).</summary>
    public bool GotProvisional { get; set; }

    /// <summary>CANCEL wanted before any provisional: sent as soon as one arrives.</summary>
    public bool CancelPending { get; set; }

    public bool Cancelled { get; set; }

    /// <summary>The INVITE got its final response (or timed out, or failed to send).</summary>
    public bool Done { get; set; }

    public int FinalStatus { get; set; }

    /// <summary>The INVITE could not be sent at all (as opposed to a response or a timeout).</summary>
    public bool TransportFailed { get; set; }

    /// <summary>RSeq of the last in-order reliable provisional from this leg (RFC 3262 §4); null before the first.</summary>
    public uint? LastRSeq { get; set; }

    public void OnResponse(ClientTransaction transaction, SipResponse response) => call.Post(() => call.OnCalleeResponse(this, response));

    public void OnTimeout(ClientTransaction transaction) => call.Post(() => call.OnCalleeFailure(this, 408, transport: false));

    public void OnTransportError(ClientTransaction transaction, Exception error) => call.Post(() => call.OnCalleeFailure(this, 503, transport: true));
}
