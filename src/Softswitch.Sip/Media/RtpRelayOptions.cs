using System.Net;
using System.Net.Sockets;

namespace Softswitch.Sip.Media;

/// <summary>Where the RTP relay binds and which ports it uses. Bound from the "rtp" section of the configuration.</summary>
public sealed class RtpRelayOptions
{
    /// <summary>Address the relay's sockets bind to; one address family per relay.</summary>
    public string BindAddress { get; set; } = "0.0.0.0";

    /// <summary>The address written into c= lines; defaults to the bind address, or 127.0.0.1 when bound to any.</summary>
    public string? AdvertisedAddress { get; set; }

    /// <summary>First port of the range; RTP takes even ports, RTCP the odd one above (RFC 3550 §11).</summary>
    public int PortRangeStart { get; set; } = 20_000;

    public int PortRangeEnd { get; set; } = 29_999;

    /// <summary>
    /// SO_RCVBUF/SO_SNDBUF per socket: bursts overflow the default (docs/performance.md, load-test pitfall 1).
    /// </summary>
    public int SocketBufferBytes { get; set; } = 1024 * 1024;

    /// <summary>The first problem with these options, naming the key, or null when they are usable.</summary>
    public string? Validate()
    {
        if (!IPAddress.TryParse(BindAddress, out _))
        {
            return $"rtp.bindAddress '{BindAddress}' is not an IP address";
        }
        if (AdvertisedAddress is { Length: > 0 } advertised && !IPAddress.TryParse(advertised, out _))
        {
            return $"rtp.advertisedAddress '{advertised}' is not an IP address";
        }
        if (PortRangeStart is < 1024 or > 65_534 || PortRangeEnd is < 1025 or > 65_535)
        {
            return $"rtp.portRangeStart/portRangeEnd {PortRangeStart}-{PortRangeEnd} must lie in 1024-65535";
        }
        if (PortRangeEnd - PortRangeStart < 1)
        {
            return $"rtp.portRangeEnd {PortRangeEnd} leaves no RTP/RTCP pair after {PortRangeStart}";
        }
        return SocketBufferBytes < 65_536 ? $"rtp.socketBufferBytes {SocketBufferBytes} is below 64 KB" : null;
    }

    internal IPAddress ResolveBindAddress() => IPAddress.Parse(BindAddress);

    internal IPAddress ResolveAdvertisedAddress()
    {
        if (AdvertisedAddress is { Length: > 0 } text)
        {
            return IPAddress.Parse(text);
        }
        IPAddress bind = ResolveBindAddress();
        return bind.Equals(IPAddress.Any) ? IPAddress.Loopback
            : bind.Equals(IPAddress.IPv6Any) ? IPAddress.IPv6Loopback
            : bind;
    }

    internal AddressFamily Family => ResolveBindAddress().AddressFamily;
}
