using Softswitch.Core.Cdrs;

namespace Softswitch.Core.Calls;

/// <summary>
/// The <see cref="ICallControl"/> in force until the B2BUA registers its own (the API alone, tests): with no SIP
/// legs to hang up, it ends the call in the model (release, CDR, out of the registry), so DisconnectCurrentCall
/// (001_… §3.82) behaves the same with or without the SIP engine.
/// </summary>
public sealed class DetachedCallControl(CallRegistry registry, CdrRecorder recorder) : ICallControl
{
    public bool Disconnect(long callId, EndReason reason)
    {
        if (registry.Find(callId) is not { } call)
        {
            return false;
        }
        // A call that was already released between Find and End just gets completed.
        call.End(reason);
        if (call.State == CallState.Released)
        {
            recorder.Complete(call);
        }
        return true;
    }
}
