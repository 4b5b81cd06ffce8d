using System.Net;

namespace Softswitch.Sip.Transport;

/// <summary>Where and how the SIP transports listen. Bound from the "sip" section of conf/softswitch.json.</summary>
public sealed class SipTransportOptions
{
    /// <summary>Address to bind UDP and TCP to (RFC 3261 §18: both on the same port).</summary>
    public string BindAddress { get; set; } = "0.0.0.0";

    /// <summary>0 picks an ephemeral port (tests); the switch's default is 5060.</summary>
    public int Port { get; set; } = 5060;

    /// <summary>The address put in Via and Contact; defaults to the bind address, or 127.0.0.1 when bound to any.</summary>
    public string? AdvertisedAddress { get; set; }

    /// <summary>Datagrams larger than this are refused with 513 (RFC 3261 §21.5.14).</summary>
    public int MaxUdpMessageSize { get; set; } = 16_384;

    public int UdpReceiveBufferBytes { get; set; } = 4 * 1024 * 1024;

    /// <summary>TCP connections with no traffic for this long are closed.</summary>
    public int TcpIdleTimeoutSeconds { get; set; } = 120;

    public int MaxTcpConnections { get; set; } = 10_000;

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
