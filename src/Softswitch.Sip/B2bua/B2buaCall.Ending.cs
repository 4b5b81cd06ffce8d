using Softswitch.Core.Calls;
using Softswitch.Sip.Messages;

namespace Softswitch.Sip.B2bua;

/// <summary>
/// The handlers of the rows that end a call (the bridge is already Ended when they run): every leg is given up, the
/// caller gets its final response or BYE, and the call ends with one reason, one CDR.
/// </summary>
internal sealed partial class B2buaCall
{
    /// <summary>Before answer: every leg given up (a held answer's leg gets BYE), the chosen status to the caller.</summary>
    private void FinishBeforeAnswer(CallInput input)
    {
        AbandonLegs();
        _heldAnswer = null;
        _callerInvite.SendResponse(CallerResponse(input.Status, null));
        EndCall(input.Reason);
    }

    /// <summary>The caller cancelled before answer (§9.2), or sent BYE on its early dialog: 487 to its INVITE.</summary>
    private void CancelByCaller()
    {
        AbandonLegs();
        _heldAnswer = null;
        _callerInvite.SendResponse(CallerResponse(487, null));
        EndCall(EndReason.CallerCancelled);
    }

    /// <summary>The caller's BYE goes on to the answered leg, carrying its Max-Forwards down.</summary>
    private void ByeFromCaller(CallInput input)
    {
        AbandonLegs(input.Request);
        EndCall(EndReason.CallerHangup);
    }

    private void ByeFromCallee(CallInput input)
    {
        SendBye(Caller, input.Request);
        AbandonLegs();
        EndCall(EndReason.CalleeHangup);
    }

    /// <summary>The switch ends an answered call: BYE to the caller, then to the answered leg.</summary>
    private void ByeBoth(CallInput input)
    {
        SendBye(Caller);
        AbandonLegs();
        EndCall(input.Reason);
    }

    private void EndCall(EndReason reason)
    {
        StopAllTimers();
        ReleaseMedia();
        OnEnded(reason);
        _owner.OnCallEnded(this, reason);
    }

    /// <summary>A BYE on one leg; when it passes on the other leg's BYE, that one's Max-Forwards is carried down.</summary>
    private void SendBye(SipDialog dialog, SipRequest? received = null)
    {
        var bye = dialog.CreateRequest(SipMethod.Bye);
        if (received is not null)
        {
            MaxForwards.CarryOver(received, bye);
        }
        _owner.Transactions.SendRequest(bye, dialog.Destination, NoResponseExpected.Instance);
    }
}
