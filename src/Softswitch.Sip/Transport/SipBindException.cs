using System.Net;
using System.Net.Sockets;
using Softswitch.Sip.Messages;

namespace Softswitch.Sip.Transport;

/// <summary>A SIP listening socket could not be bound (port in use, no permission): names the transport and address.</summary>
public sealed class SipBindException : IOException
{
    public SipBindException(SipTransportKind transport, IPEndPoint endPoint, SocketException inner)
        : base($"SIP {transport.ToString().ToUpperInvariant()} port {endPoint.Port} on {endPoint.Address}: {Describe(inner)}", inner)
    {
        Transport = transport;
        EndPoint = endPoint;
        SocketError = inner.SocketErrorCode;
    }

    public SipTransportKind Transport { get; }

    public IPEndPoint EndPoint { get; }

    public SocketError SocketError { get; }

    private static string Describe(SocketException e) => e.SocketErrorCode switch
    {
        SocketError.AddressAlreadyInUse => "already in use by another process",
        SocketError.AccessDenied => "permission denied (ports below 1024 need privileges)",
        SocketError.AddressNotAvailable => "the address is not one of this host's",
        _ => e.Message,
    };
}
