namespace Softswitch.Core.Calls;

/// <summary>
/// What the relay received on one stream of one leg: InfoRtpFlow (001_… §3.21) rtpPackets, rtpBytes and
/// rtpDuration (microseconds from the first packet to the last).
/// </summary>
public readonly record struct RtpFlow(long Packets, long Bytes, long DurationMicros);
