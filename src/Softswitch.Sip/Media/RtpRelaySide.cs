using System.Net;
using System.Net.Sockets;

namespace Softswitch.Sip.Media;

/// <summary>
/// One leg of a relay session: its socket pair, where its phone is, and its counters. Each field has a single
/// writer (the receive loop of this side for the "received" counters and the latches, the other side's loop for
/// the "sent" counters) and is read from anywhere through Interlocked/Volatile, so no lock is taken per packet.
/// Addresses are immutable <see cref="SocketAddress"/> objects swapped by reference, so a reader never sees half
/// of one.
/// </summary>
internal sealed class RtpRelaySide
{
    private SocketAddress? _signalledRtp;
    private SocketAddress? _signalledRtcp;
    private SocketAddress? _latchedRtp;
    private SocketAddress? _latchedRtcp;

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

    /// <summary>Where RTP for this side's phone goes: the latched source, else what its SDP said.</summary>
    public SocketAddress? RtpDestination => Volatile.Read(ref _latchedRtp) ?? Volatile.Read(ref _signalledRtp);

    public SocketAddress? RtcpDestination => Volatile.Read(ref _latchedRtcp) ?? Volatile.Read(ref _signalledRtcp);

    /// <summary>
    /// Sets the addresses from SDP. A new address (a re-INVITE moved the media) forgets the latches so the next
    /// packets latch again; the same address again keeps them, so a session refresh does not disturb NAT latching.
    /// </summary>
    public void SetSignalled(SocketAddress rtp, SocketAddress rtcp)
    {
        SocketAddress? previous = Volatile.Read(ref _signalledRtp);
        Volatile.Write(ref _signalledRtcp, rtcp);
        Volatile.Write(ref _signalledRtp, rtp);
        if (previous is null || !previous.Equals(rtp))
        {
            Volatile.Write(ref _latchedRtp, null);
            Volatile.Write(ref _latchedRtcp, null);
        }
    }

    /// <summary>
    /// Symmetric latching (RFC 4961 symmetric RTP; the NAT traversal of RFC 7362 §4): the first packet fixes where
    /// the phone really is. Returns false for a packet from any other source, which is counted and dropped.
    /// </summary>
    public bool Accept(SocketAddress source, bool rtcp, out bool latched)
    {
        ref SocketAddress? slot = ref rtcp ? ref _latchedRtcp : ref _latchedRtp;
        SocketAddress? current = Volatile.Read(ref slot);
        if (current is null)
        {
            // Allocates once per latch, never per packet.
            var copy = new SocketAddress(source.Family, source.Size);
            source.Buffer.Span[..source.Size].CopyTo(copy.Buffer.Span);
            Volatile.Write(ref slot, copy);
            latched = true;
            return true;
        }
        latched = false;
        if (current.Equals(source))
        {
            return true;
        }
        Interlocked.Increment(ref DroppedWrongSource);
        return false;
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
        ToEndPoint(Volatile.Read(ref _latchedRtp)),
        ToEndPoint(Volatile.Read(ref _latchedRtcp)));

    internal static DateTimeOffset? ToTime(long ticks) => ticks == 0 ? null : new DateTimeOffset(ticks, TimeSpan.Zero);

    private static IPEndPoint? ToEndPoint(SocketAddress? address) => address is null
        ? null
        : (IPEndPoint)new IPEndPoint(address.Family == AddressFamily.InterNetworkV6 ? IPAddress.IPv6Any : IPAddress.Any, 0)
            .Create(address);
}
