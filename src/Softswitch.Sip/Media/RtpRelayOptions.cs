using System.ComponentModel.DataAnnotations;
using System.Net;
using System.Net.Sockets;
using Softswitch.Core.Configuration;

namespace Softswitch.Sip.Media;

/// <summary>
/// The "rtp" section: where the RTP relay binds and which ports it uses. Each relayed call takes two RTP/RTCP port
/// pairs (four sockets); <c>--rtp-ports A-B</c> sets the range.
/// </summary>
public sealed class RtpRelayOptions
{
    public const string Section = "rtp";

    /// <summary>IP address the relay's sockets bind to; one address family per relay.</summary>
    public string BindAddress { get; set; } = "0.0.0.0";

    /// <summary>
    /// IP address written into SDP c= and o= lines. Unset: the bind address when it is a specific one, otherwise
    /// sip.advertisedAddress.
    /// </summary>
    public string? AdvertisedAddress { get; set; }

    /// <summary>First port of the range; RTP takes even ports, RTCP the odd one above (RFC 3550 §11).</summary>
    [Range(1_024, 65_534)]
    public int PortRangeStart { get; set; } = 20_000;

    /// <summary>Last port of the range; it must leave at least one even/odd pair after portRangeStart.</summary>
    [Range(1_025, 65_535)]
    public int PortRangeEnd { get; set; } = 29_999;

    /// <summary>SO_RCVBUF/SO_SNDBUF per socket: bursts overflow the default (docs/performance.md, load-test pitfall 1).</summary>
    [Range(65_536, 1 << 30)]
    public int SocketBufferBytes { get; set; } = 1024 * 1024;

    /// <summary>
    /// Which sources a leg takes media from; packets from any other address are dropped and counted (docs/hardening.md,
    /// "RTP relay"). Latch suits phones behind NAT; Strict suits trunks with public addresses.
    /// </summary>
    public RtpSourceCheck SourceCheck { get; set; } = RtpSourceCheck.Latch;

    /// <summary>
    /// A latched media source must have been silent this long before another allowed source (same IP, new NAT port;
    /// the SDP address) takes its place; 0 = never, only a new SDP address releases the latch.
    /// </summary>
    [Range(0, 3_600)]
    public int RelatchAfterSilenceSeconds { get; set; } = 5;

    /// <summary>
    /// Retry-After (RFC 3261 §20.33) of the 503 a call gets when no relay port pair is free. An upstream proxy that
    /// honours it sends no call at all to the switch for that long (§21.5.4), so keep it short.
    /// </summary>
    [Range(1, 3_600)]
    public int NoPortRetryAfterSeconds { get; set; } = 5;

    /// <summary>Every problem with these options, one line each naming the key and the value; empty when usable.</summary>
    public IReadOnlyList<string> Problems()
    {
        var failures = new List<string>();
        OptionRules.Check(Section, this, failures);
        if (!IPAddress.TryParse(BindAddress, out _))
        {
            failures.Add($"rtp.bindAddress: '{BindAddress}' is not an IP address");
        }
        if (AdvertisedAddress is { Length: > 0 } advertised && !IPAddress.TryParse(advertised, out _))
        {
            failures.Add($"rtp.advertisedAddress: '{advertised}' is not an IP address");
        }
        int firstEven = PortRangeStart % 2 == 0 ? PortRangeStart : PortRangeStart + 1;
        if (firstEven + 1 > PortRangeEnd)
        {
            failures.Add($"rtp.portRangeEnd: {PortRangeEnd} leaves no even/odd RTP/RTCP pair after rtp.portRangeStart {PortRangeStart}");
        }
        return failures;
    }

    /// <summary>The first problem with these options, naming the key, or null when they are usable.</summary>
    public string? Validate() => Problems() is [var first, ..] ? first : null;

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
