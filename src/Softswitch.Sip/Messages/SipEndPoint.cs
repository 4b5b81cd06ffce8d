using System.Net;

namespace Softswitch.Sip.Messages;

public enum SipTransportKind : byte
{
    Udp,
    Tcp,
    Tls,
    Ws,
}

/// <summary>A transport address: protocol plus IP end point (RFC 3261 §18 "sent-by" after resolution).</summary>
public sealed record SipEndPoint(SipTransportKind Transport, IPEndPoint EndPoint)
{
    public override string ToString() => $"{Transport.ToString().ToUpperInvariant()}:{EndPoint}";
}
