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

    internal IPAddress ResolveAdvertisedAddress()
    {
        if (AdvertisedAddress is { Length: > 0 } text)
        {
            return IPAddress.TryParse(text, out var a) ? a : throw new InvalidOperationException($"sip.advertisedAddress '{text}' is not an IP address");
        }
        IPAddress bind = ResolveBindAddress();
        return bind.Equals(IPAddress.Any) ? IPAddress.Loopback : bind.Equals(IPAddress.IPv6Any) ? IPAddress.IPv6Loopback : bind;
    }
}
