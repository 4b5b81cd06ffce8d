using System.ComponentModel.DataAnnotations;
using System.Net;

namespace Softswitch.Sip.Transport;

/// <summary>The "sip" section: where and how the SIP transports (UDP and TCP on one port) listen.</summary>
public sealed class SipTransportOptions
{
    public const string Section = "sip";

    /// <summary>IP address UDP and TCP listen on (RFC 3261 §18: both on the same port); 0.0.0.0 is every interface.</summary>
    public string BindAddress { get; set; } = "0.0.0.0";

    /// <summary>SIP port for UDP and TCP; 0 picks a free port (printed in the start-up banner).</summary>
    [Range(0, 65_535)]
    public int Port { get; set; } = 5060;

    /// <summary>
    /// IP address written in Via and Contact, and in SDP unless rtp.advertisedAddress is set. Unset: the bind address;
    /// when bound to every interface, the source address of the host's default route (loopback if there is none).
    /// </summary>
    public string? AdvertisedAddress { get; set; }

    /// <summary>Datagrams larger than this are refused with 513 Message Too Large (RFC 3261 §21.5.14).</summary>
    [Range(1_024, 65_535)]
    public int MaxUdpMessageSize { get; set; } = 16_384;

    /// <summary>UDP socket receive and send buffers: bursts of calls overflow the operating system's default.</summary>
    [Range(65_536, 1 << 30)]
    public int UdpReceiveBufferBytes { get; set; } = 4 * 1024 * 1024;

    /// <summary>
    /// TCP connections that carried no complete message (received or sent) for this long are closed; bytes that
    /// trickle in without completing a message do not count.
    /// </summary>
    [Range(1, 86_400)]
    public int TcpIdleTimeoutSeconds { get; set; } = 120;

    /// <summary>
    /// A message arriving over TCP must be complete this long after its first byte, else the connection is closed
    /// (slowloris: a peer trickling bytes to hold a connection).
    /// </summary>
    [Range(1, 3_600)]
    public int TcpMessageDeadlineSeconds { get; set; } = 20;

    /// <summary>
    /// TCP connections held at once; further ones are closed on accept. The switch also caps them at half of what
    /// its open-file limit leaves after its own descriptors and headroom (docs/hardening.md), whichever is lower.
    /// </summary>
    [Range(1, 1_000_000)]
    public int MaxTcpConnections { get; set; } = 10_000;

    /// <summary>TCP connections one source IP address may hold at once; further ones from it are closed on accept.</summary>
    [Range(1, 1_000_000)]
    public int MaxTcpConnectionsPerSource { get; set; } = 100;

    internal IPAddress ResolveBindAddress() =>
        IPAddress.TryParse(BindAddress, out var a) ? a : throw new InvalidOperationException($"sip.bindAddress '{BindAddress}' is not an IP address");

    public IPAddress ResolveAdvertisedAddress()
    {
        if (AdvertisedAddress is { Length: > 0 } text)
        {
            return IPAddress.TryParse(text, out var a) ? a : throw new InvalidOperationException($"sip.advertisedAddress '{text}' is not an IP address");
        }
        IPAddress bind = ResolveBindAddress();
        if (bind.Equals(IPAddress.Any) || bind.Equals(IPAddress.IPv6Any))
        {
            // Bound to every interface: advertise the address phones on the network can reach, the source address
            // of this host's default route (found without sending anything), else loopback.
            return PrimaryAddress(bind.AddressFamily) ?? (bind.Equals(IPAddress.Any) ? IPAddress.Loopback : IPAddress.IPv6Loopback);
        }
        return bind;
    }

    /// <summary>The local address the kernel would use to reach the outside (a UDP "connect" sends no packet).</summary>
    internal static IPAddress? PrimaryAddress(System.Net.Sockets.AddressFamily family)
    {
        try
        {
            using var probe = new System.Net.Sockets.Socket(family, System.Net.Sockets.SocketType.Dgram, System.Net.Sockets.ProtocolType.Udp);
            probe.Connect(family == System.Net.Sockets.AddressFamily.InterNetworkV6
                ? new IPEndPoint(IPAddress.Parse("2001:db8::1"), 9)
                : new IPEndPoint(IPAddress.Parse("192.0.2.1"), 9));
            var local = ((IPEndPoint)probe.LocalEndPoint!).Address;
            return IPAddress.IsLoopback(local) || local.Equals(IPAddress.Any) || local.Equals(IPAddress.IPv6Any) ? null : local;
        }
        catch (System.Net.Sockets.SocketException)
        {
            return null; // no route at all (an isolated sandbox): loopback is all there is
        }
    }
}
