using System.Net;
using System.Net.Sockets;

namespace Softswitch.Sip.Media;

/// <summary>
/// One leg of a relay session: its socket pair, where its phone is (<see cref="Rtp"/> and <see cref="Rtcp"/>, and
/// the IP its signalling came from), and its counters. Each counter has a single writer (the receive loop of this
/// side for the "received" counters and the drops, the other side's loop for the "sent" counters) and is read from
/// anywhere through Interlocked/Volatile, so no lock is taken per packet.
/// </summary>
internal sealed class RtpRelaySide
{
    private SocketAddress? _signalling;

    public long RtpPacketsIn;
    public long RtpBytesIn;
    public long RtcpPacketsIn;
    public long RtpPacketsOut;
    public long RtpBytesOut;
    public long RtcpPacketsOut;
    public long DroppedNoRemote;
    public long DroppedWrongSource;
    public long FirstInTicks;
    public long LastInTicks;
    public long LastOutTicks;

    public RtpRelaySide(RtpPortPair ports) => Ports = ports;

    public RtpPortPair Ports { get; }

    public RtpSourceLatch Rtp { get; } = new();

    public RtpSourceLatch Rtcp { get; } = new();

    /// <summary>
    /// Sets the addresses from SDP. A new address (a re-INVITE moved the media) forgets the latches so the next
    /// packets latch again; the same address again keeps them, so a session refresh does not disturb NAT latching.
    /// </summary>
    public void SetSignalled(SocketAddress rtp, SocketAddress rtcp)
    {
        SocketAddress? previous = Rtp.Signalled;
        bool moved = previous is null || !previous.Equals(rtp);
        Rtcp.SetSignalled(rtcp, moved);
        Rtp.SetSignalled(rtp, moved);
    }

    /// <summary>The IP address (any port) the leg's SIP came from: media from it may latch in <see cref="RtpSourceCheck.Latch"/>.</summary>
    public void SetSignalling(SocketAddress address) => Volatile.Write(ref _signalling, address);

    /// <summary>The source check (<see cref="RtpSourceLatch.Accept"/>); a refused packet is counted here.</summary>
    public RtpAcceptance Accept(SocketAddress source, bool rtcp, RtpSourceCheck check, long nowTicks, long relatchTicks)
    {
        RtpAcceptance verdict = (rtcp ? Rtcp : Rtp).Accept(source, Volatile.Read(ref _signalling), check, nowTicks, relatchTicks);
        if (verdict == RtpAcceptance.WrongSource)
        {
            Interlocked.Increment(ref DroppedWrongSource);
        }
        return verdict;
    }

    public void CountIn(int bytes, bool rtcp, long nowTicks)
    {
        if (rtcp)
        {
            Interlocked.Increment(ref RtcpPacketsIn);
            return;
        }
        Interlocked.Increment(ref RtpPacketsIn);
        Interlocked.Add(ref RtpBytesIn, bytes);
        Interlocked.CompareExchange(ref FirstInTicks, nowTicks, 0);
        Volatile.Write(ref LastInTicks, nowTicks);
    }

    public void CountOut(int bytes, bool rtcp, long nowTicks)
    {
        if (rtcp)
        {
            Interlocked.Increment(ref RtcpPacketsOut);
            return;
        }
        Interlocked.Increment(ref RtpPacketsOut);
        Interlocked.Add(ref RtpBytesOut, bytes);
        Volatile.Write(ref LastOutTicks, nowTicks);
    }

    public RtpFlowStats Snapshot() => new(
        Interlocked.Read(ref RtpPacketsIn),
        Interlocked.Read(ref RtpBytesIn),
        Interlocked.Read(ref RtcpPacketsIn),
        Interlocked.Read(ref RtpPacketsOut),
        Interlocked.Read(ref RtpBytesOut),
        Interlocked.Read(ref RtcpPacketsOut),
        Interlocked.Read(ref DroppedNoRemote),
        Interlocked.Read(ref DroppedWrongSource),
        ToTime(Interlocked.Read(ref FirstInTicks)),
        ToTime(Interlocked.Read(ref LastInTicks)),
        ToTime(Interlocked.Read(ref LastOutTicks)),
        ToEndPoint(Rtp.Latched),
        ToEndPoint(Rtcp.Latched));

    internal static DateTimeOffset? ToTime(long ticks) => ticks == 0 ? null : new DateTimeOffset(ticks, TimeSpan.Zero);

    private static IPEndPoint? ToEndPoint(SocketAddress? address) => address is null
        ? null
        : (IPEndPoint)new IPEndPoint(address.Family == AddressFamily.InterNetworkV6 ? IPAddress.IPv6Any : IPAddress.Any, 0)
            .Create(address);
}
