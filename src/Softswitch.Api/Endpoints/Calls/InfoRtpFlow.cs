using Softswitch.Core.Calls;

namespace Softswitch.Api.Endpoints.Calls;

/// <summary>InfoRtpFlow (001_… §3.21): packets and bytes received, duration in microseconds.</summary>
public sealed record InfoRtpFlow
{
    public int RtpPackets { get; init; }
    public int RtpBytes { get; init; }
    public long RtpDuration { get; init; }

    /// <summary>The manual types packets and bytes as int; counters past int.MaxValue saturate rather than wrap.</summary>
    public static InfoRtpFlow From(RtpFlow flow) => new()
    {
        RtpPackets = (int)Math.Clamp(flow.Packets, 0, int.MaxValue),
        RtpBytes = (int)Math.Clamp(flow.Bytes, 0, int.MaxValue),
        RtpDuration = Math.Max(0, flow.DurationMicros),
    };
}
