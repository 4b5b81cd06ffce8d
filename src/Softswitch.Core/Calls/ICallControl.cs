namespace Softswitch.Core.Calls;

/// <summary>
/// Ends live calls from outside the SIP engine (DisconnectCurrentCall, 001_… §3.82). Implemented by the B2BUA,
/// which sends BYE or CANCEL on both legs, then ends the call with <paramref name="reason"/> and writes its CDR.
/// </summary>
public interface ICallControl
{
    /// <summary>Starts ending the call; false when no live call has that id.</summary>
    bool Disconnect(long callId, EndReason reason);
}
