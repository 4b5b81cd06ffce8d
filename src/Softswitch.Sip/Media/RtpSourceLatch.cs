using System.Net;

namespace Softswitch.Sip.Media;

/// <summary>
/// Where one socket of a leg (its RTP or its RTCP) takes packets from and sends them to. The SDP address is set by
/// the B2BUA; the latch and the time of the last accepted packet are written only by that socket's receive loop, so
/// no lock is taken per packet. Addresses are immutable objects swapped by reference: a reader never sees half of one.
/// </summary>
internal sealed class RtpSourceLatch
{
    private SocketAddress? _signalled;
    private SocketAddress? _latched;
    private long _lastAcceptedTicks;

    /// <summary>Where packets for this socket's phone go: the latched source, else what its SDP said.</summary>
    public SocketAddress? Destination => Volatile.Read(ref _latched) ?? Volatile.Read(ref _signalled);

    public SocketAddress? Latched => Volatile.Read(ref _latched);

    public SocketAddress? Signalled => Volatile.Read(ref _signalled);

    /// <summary>The address from SDP; <paramref name="release"/> forgets the latch so the next allowed packet latches again.</summary>
    public void SetSignalled(SocketAddress address, bool release)
    {
        Volatile.Write(ref _signalled, address);
        if (release)
        {
            Volatile.Write(ref _latched, null);
        }
    }

    /// <summary>
    /// The source check for one packet (the receive loop's only). <paramref name="signalling"/> is the IP the leg's
    /// SIP came from (port ignored), or null; <paramref name="relatchTicks"/> is how long the latched source must
    /// have been silent before another allowed one takes over, 0 for never.
    /// </summary>
    public RtpAcceptance Accept(SocketAddress source, SocketAddress? signalling, RtpSourceCheck check, long nowTicks, long relatchTicks)
    {
        SocketAddress? current = Volatile.Read(ref _latched);
        if (current is not null && SocketAddressParts.SameEndPoint(current, source))
        {
            _lastAcceptedTicks = nowTicks;
            return RtpAcceptance.Accepted;
        }
        if (!Allowed(source, signalling, check))
        {
            return RtpAcceptance.WrongSource;
        }
        if (current is not null && (relatchTicks == 0 || nowTicks - _lastAcceptedTicks < relatchTicks))
        {
            // A live stream is never taken over, not even from an allowed address (a second device behind the same
            // NAT, a stray stream of an earlier call): the latched phone has to fall silent first.
            return RtpAcceptance.WrongSource;
        }
        // Allocates once per latch, never per packet.
        Volatile.Write(ref _latched, SocketAddressParts.Copy(source));
        _lastAcceptedTicks = nowTicks;
        return current is null ? RtpAcceptance.Latched : RtpAcceptance.Relatched;
    }

    private bool Allowed(SocketAddress source, SocketAddress? signalling, RtpSourceCheck check)
    {
        SocketAddress? sdp = Volatile.Read(ref _signalled);
        if (check == RtpSourceCheck.Strict)
        {
            return sdp is not null && SocketAddressParts.SameEndPoint(sdp, source);
        }
        // NAT rewrites the port and often the address: the SDP's IP on any port, or the signalling source's IP.
        return (sdp is not null && SocketAddressParts.SameIp(sdp, source))
            || (signalling is not null && SocketAddressParts.SameIp(signalling, source));
    }
}
