namespace Softswitch.Core.Calls;

/// <summary>
/// Implemented by the media plane (Softswitch.Sip) for each relayed call, so GetCurrentCall can show live RTP
/// counters without Core knowing anything about sockets. Called from API threads: must be cheap and thread-safe.
/// </summary>
public interface IRtpFlowSource
{
    RtpFlowSnapshot Snapshot();
}
