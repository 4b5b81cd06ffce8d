using System.Net;
using Softswitch.Sip.Messages;

namespace Softswitch.Sip.Transactions;

/// <summary>Where a server sends the responses to a request: RFC 3261 §18.2.2 with RFC 3581 rport.</summary>
public static class ResponseRouting
{
    public const int DefaultPort = 5060;
    public const int DefaultTlsPort = 5061;

    /// <summary>
    /// The destination for responses to <paramref name="request"/>, or null when it cannot be determined without DNS
    /// (a request with no source address whose sent-by is a host name).
    /// </summary>
    /// <remarks>
    /// <list type="bullet">
    /// <item>Reliable transport (TCP, TLS, WS): back over the connection the request came on, i.e. its source (§18.2.2).</item>
    /// <item>rport present (RFC 3581 §4): to the source IP and source port.</item>
    /// <item>Otherwise: to the source IP, at the Via port or 5060. §18.2.2 says "the received address", and §18.2.1 has
    /// the server set received to the source IP, so the source IP is what the RFC means.</item>
    /// </list>
    /// A <c>received</c> or <c>maddr</c> the client wrote itself is never followed: with them one spoofable datagram made
    /// the switch send a final response and its ten timer G retransmissions to any address the sender named (issue 12,
    /// reflection; docs/hardening.md). Multicast responses (maddr) are thereby not supported, and nobody needs them.
    /// A request without a source (built in process, never from the network) is answered at its sent-by address.
    /// </remarks>
    public static SipEndPoint? Destination(SipRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        SipVia via = request.TopVia;
        SipEndPoint? source = request.Source;
        SipTransportKind transport = source?.Transport ?? ParseTransport(via.Transport);
        if (source is not null && (transport != SipTransportKind.Udp || via.HasRport))
        {
            return source;
        }
        int port = via.Port ?? (transport == SipTransportKind.Tls ? DefaultTlsPort : DefaultPort);
        IPAddress? address = source?.EndPoint.Address;
        if (address is null && IPAddress.TryParse(via.Host.Trim('[', ']'), out IPAddress? hostAddress))
        {
            address = hostAddress;
        }
        return address is null ? null : new SipEndPoint(transport, new IPEndPoint(address, port));
    }

    /// <summary>The transport token of a Via (UDP, TCP, TLS, WS, WSS) as a transport kind; unknown ones count as UDP.</summary>
    public static SipTransportKind ParseTransport(string viaTransport) => viaTransport.ToUpperInvariant() switch
    {
        "TCP" => SipTransportKind.Tcp,
        "TLS" => SipTransportKind.Tls,
        "WS" or "WSS" => SipTransportKind.Ws,
        _ => SipTransportKind.Udp,
    };
}
