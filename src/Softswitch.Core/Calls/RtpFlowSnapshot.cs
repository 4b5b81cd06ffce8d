namespace Softswitch.Core.Calls;

/// <summary>The four InfoRtpFlow values of a call at one moment (001_… §3.21 caller/callee, audio/video).</summary>
public readonly record struct RtpFlowSnapshot(RtpFlow CallerAudio, RtpFlow CalleeAudio, RtpFlow CallerVideo, RtpFlow CalleeVideo)
{
    public static readonly RtpFlowSnapshot Empty = default;
}
