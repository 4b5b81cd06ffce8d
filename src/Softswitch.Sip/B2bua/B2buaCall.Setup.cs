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
        var (refusal, contacts) = _owner.Admit(caller, callee);
        if (refusal is { } reason)
        {
            FailCall(CallEnds.SipStatus(reason), reason);
            return;
        }
        if (!PrepareOffer(invite, out var offer, out string? contentType))
        {
            FailCall(488, CallEnd.BadSdp);
            return;
        }
        Start(contacts, offer, contentType);
    }

    private static CallEnd? CalleeFailureFrom(SipResponse response) => CallEnds.FromCalleeStatus(response.StatusCode);

    private static CallEnd CallEndFromCalleeStatus(int status) => CallEnds.FromCalleeStatus(status);
}
