using Softswitch.Core.Calls;
using Softswitch.Core.Phones;
using Softswitch.Sip.Messages;
using Softswitch.Sip.Transactions;

namespace Softswitch.Sip.B2bua;

internal sealed partial class B2buaCall
{
    public InviteServerTransaction CallerInviteTransaction => _callerInvite;

    /// <summary>Admission, SDP offer, then the legs; any refusal fails the call with its end reason (and a CDR).</summary>
    public void Route(PhoneCredentials caller, PhoneCredentials? callee, SipRequest invite)
    {
        var (refusal, contacts) = _owner.Admit(this, caller, callee);
        if (refusal is { } reason)
        {
            FailCall(SipStatusFor(reason), reason);
            return;
        }
        if (PrepareOffer(invite, out var offer, out string? contentType) is { } mediaRefusal)
        {
            FailCall(SipStatusFor(mediaRefusal), mediaRefusal);
            return;
        }
        Start(contacts, offer, contentType);
    }

    /// <summary>The final response the caller gets for a reason (docs/end-reasons.md).</summary>
    private static int SipStatusFor(EndReason reason) => EndReasons.Of(reason).SipStatus ?? 500;

    /// <summary>Why the attempt failed when every fork did, given the status chosen for the caller.</summary>
    private EndReason ReasonForLegs(int status) =>
        _legs.Count > 0 && _legs.TrueForAll(l => l.TransportFailed) ? EndReason.TransportFailure : EndReasons.FromCalleeStatus(status);
}
