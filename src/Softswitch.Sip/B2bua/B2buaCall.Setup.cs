using Softswitch.Core.Calls;
using Softswitch.Core.Phones;
using Softswitch.Sip.Messages;
using Softswitch.Sip.Transactions;

namespace Softswitch.Sip.B2bua;

internal sealed partial class B2buaCall
{
    public InviteServerTransaction CallerInviteTransaction => _callerInvite;

    /// <summary>Admission, SDP offer, then the first attempt; any refusal fails the call with its end reason (and a CDR).</summary>
    public void Route(PhoneCredentials caller, PhoneCredentials? callee, SipRequest invite)
    {
        var (refusal, contacts) = _owner.Admit(this, caller, callee);
        if (refusal is { } reason)
        {
            Fire(BridgeEvent.Fail, new CallInput { Status = SipStatusFor(reason), Reason = reason });
            return;
        }
        if (PrepareOffer(invite, out _calleeOffer, out _calleeOfferType) is { } mediaRefusal)
        {
            Fire(BridgeEvent.Fail, new CallInput { Status = SipStatusFor(mediaRefusal), Reason = mediaRefusal });
            return;
        }
        var first = new CallAttempt { Targets = contacts };
        _attempts = _owner.AttemptsFor(Parties, first);
        Fire(BridgeEvent.AttemptStarted, new CallInput { Attempt = first });
    }
}
