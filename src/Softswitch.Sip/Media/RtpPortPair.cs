using System.Net.Sockets;

namespace Softswitch.Sip.Media;

/// <summary>
/// An RTP port (even) and its RTCP port (RTP + 1, RFC 3550 §11), both bound, rented from an
/// <see cref="RtpPortPool"/>; give it back with <see cref="RtpPortPool.Return"/> exactly once.
/// </summary>
public sealed class RtpPortPair
{
    private int _returned;

    internal RtpPortPair(int rtpPort, Socket rtp, Socket rtcp)
    {
        RtpPort = rtpPort;
        Rtp = rtp;
        Rtcp = rtcp;
    }

    public int RtpPort { get; }

    public int RtcpPort => RtpPort + 1;

    internal Socket Rtp { get; }

    internal Socket Rtcp { get; }

    /// <summary>True the first time only, so a second return is detected without a lock.</summary>
    internal bool MarkReturned() => Interlocked.Exchange(ref _returned, 1) == 0;
}
