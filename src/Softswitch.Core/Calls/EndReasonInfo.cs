namespace Softswitch.Core.Calls;

/// <summary>
/// One row of the end-reason table. <paramref name="SipStatus"/> is the final response the B2BUA sends the caller
/// when the call ends before answer (null when it ends by BYE, or by the caller's own CANCEL's 487 for Cancel);
/// <paramref name="Direction"/> is the default InfoCdr endDirection; <paramref name="Trigger"/> is the ending
/// trigger the reason fires, which fixes in which states it can occur.
/// </summary>
public sealed record EndReasonInfo(
    EndReason Reason, int? SipStatus, EndDirection Direction, CallTrigger Trigger, string Description);
