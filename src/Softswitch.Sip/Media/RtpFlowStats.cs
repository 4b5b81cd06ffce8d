using System.Net;

namespace Softswitch.Sip.Media;

/// <summary>
/// A snapshot of one side of a relay session. "Received" is what the phone on that side sent to the relay
/// (VOS3000 InfoRtpFlow rtpPackets/rtpBytes: 接收报文数量); "Sent" is what the relay sent to that phone.
/// </summary>
public sealed record RtpFlowStats(
    long RtpPacketsReceived,
    long RtpBytesReceived,
    long RtcpPacketsReceived,
    long RtpPacketsSent,
    long RtpBytesSent,
    long RtcpPacketsSent,
    long DroppedNoRemote,
    long DroppedWrongSource,
    DateTimeOffset? FirstReceivedAt,
    DateTimeOffset? LastReceivedAt,
    DateTimeOffset? LastSentAt,
    IPEndPoint? LatchedRtp,
    IPEndPoint? LatchedRtcp)
{
    /// <summary>
    /// Last minus first RTP packet received. VOS3000 InfoRtpFlow.rtpDuration is in microseconds per the manual:
    /// use <c>(long)ReceivedDuration.TotalMicroseconds</c> there.
    /// </summary>
    public TimeSpan ReceivedDuration => FirstReceivedAt is { } first && LastReceivedAt is { } last
        ? last - first
        : TimeSpan.Zero;
}
