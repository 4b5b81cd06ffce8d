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
    /// (a sent-by host name, no received parameter and no source address).
    /// </summary>
    /// <remarks>
    /// <list type="bullet">
    /// <item>Reliable transport (TCP, TLS, WS): back over the connection the request came on, i.e. its source (§18.2.2).</item>
    /// <item>maddr present: to that address, at the Via port or the default port (§18.2.2).</item>
    /// <item>rport present (RFC 3581 §4): to the source IP and source port.</item>
    /// <item>Otherwise: to the received address (which §18.2.1 says the server adds whenever the sent-by host is not the
    /// source IP, so the source IP stands in for it when the transport did not add it), at the Via port or 5060.</item>
    /// </list>
    /// </remarks>
    public static SipEndPoint? Destination(SipRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        SipVia via = request.TopVia;
        SipEndPoint? source = request.Source;
        SipTransportKind transport = source?.Transport ?? ParseTransport(via.Transport);
        if (source is not null && transport != SipTransportKind.Udp)
        {
            return source;
        }
        int port = via.Port ?? (transport == SipTransportKind.Tls ? DefaultTlsPort : DefaultPort);
        if (via.Parameters.Get("maddr") is { } maddr && IPAddress.TryParse(maddr, out IPAddress? multicast))
        {
            return new SipEndPoint(transport, new IPEndPoint(multicast, port));
        }
        if (via.HasRport && source is not null)
        {
            return source;
        }
        IPAddress? address = null;
        if (via.Received is { } received && IPAddress.TryParse(received, out IPAddress? receivedAddress))
        {
            address = receivedAddress;
        }
        address ??= source?.EndPoint.Address;
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
