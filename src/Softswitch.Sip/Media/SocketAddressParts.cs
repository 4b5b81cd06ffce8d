using System.Net;
using System.Net.Sockets;

namespace Softswitch.Sip.Media;

/// <summary>
/// Compares the IP and port of socket addresses in place, without building an <see cref="IPEndPoint"/> per packet.
/// sockaddr_in and sockaddr_in6 put the port at byte 2 (network order) and the address at byte 4 (IPv4) or 8
/// (IPv6, after the flow info) on Linux, Windows and macOS alike; flow info and scope id are ignored.
/// </summary>
internal static class SocketAddressParts
{
    public static bool SameIp(SocketAddress a, SocketAddress b) =>
        a.Family == b.Family && Ip(a).SequenceEqual(Ip(b));

    public static bool SameEndPoint(SocketAddress a, SocketAddress b) =>
        SameIp(a, b) && a.Buffer.Span.Slice(2, 2).SequenceEqual(b.Buffer.Span.Slice(2, 2));

    /// <summary>A copy that the next receive into <paramref name="source"/> does not overwrite.</summary>
    public static SocketAddress Copy(SocketAddress source)
    {
        var copy = new SocketAddress(source.Family, source.Size);
        source.Buffer.Span[..source.Size].CopyTo(copy.Buffer.Span);
        return copy;
    }

    private static ReadOnlySpan<byte> Ip(SocketAddress address) => address.Family == AddressFamily.InterNetworkV6
        ? address.Buffer.Span.Slice(8, 16)
        : address.Buffer.Span.Slice(4, 4);
}
