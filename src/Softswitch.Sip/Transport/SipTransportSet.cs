using System.Net;
using Microsoft.Extensions.Logging;
using Softswitch.Sip.Messages;
using Softswitch.Sip.Parsing;

namespace Softswitch.Sip.Transport;

/// <summary>
/// UDP and TCP on the same port (RFC 3261 §18). Incoming messages from both go to one handler; outgoing ones
/// leave by the transport the destination names.
/// </summary>
public sealed class SipTransportSet : ISipTransport, IDisposable
{
    private readonly UdpSipChannel _udp;
    private readonly TcpSipChannel _tcp;
    private readonly IPAddress _advertised;

    /// <param name="descriptors">What TCP connections may take of the process's descriptors (none given: no limit).</param>
    public SipTransportSet(SipTransportOptions options, SipParserLimits limits, Action<SipMessage> onMessage, TimeProvider time, ILoggerFactory loggers, DescriptorBudget? descriptors = null)
    {
        descriptors ??= DescriptorBudget.Unlimited;
        // With port 0 the UDP socket picks the port and TCP takes the same one; if a TCP socket already holds that
        // number, another port is tried (an ephemeral UDP port says nothing about TCP's).
        // A bind failure names the transport and port (SipBindException): the host turns it into one line, exit 2.
        IPAddress bind = options.ResolveBindAddress();
        for (int attempt = 1; ; attempt++)
        {
            try
            {
                _udp = new UdpSipChannel(options, limits, onMessage, loggers.CreateLogger<UdpSipChannel>());
            }
            catch (System.Net.Sockets.SocketException e)
            {
                throw new SipBindException(SipTransportKind.Udp, new IPEndPoint(bind, options.Port), e);
            }
            try
            {
                _tcp = new TcpSipChannel(options, limits, onMessage, time, loggers.CreateLogger<TcpSipChannel>(), _udp.LocalEndPoint.Port, descriptors);
                break;
            }
            catch (System.Net.Sockets.SocketException) when (options.Port == 0 && attempt < 20)
            {
                _udp.Dispose();
            }
            catch (System.Net.Sockets.SocketException e)
            {
                int port = _udp.LocalEndPoint.Port;
                _udp.Dispose();
                throw new SipBindException(SipTransportKind.Tcp, new IPEndPoint(bind, port), e);
            }
        }
        _advertised = options.ResolveAdvertisedAddress();
    }

    public int Port => _udp.LocalEndPoint.Port;

    public int TcpConnectionCount => _tcp.ConnectionCount;

    internal long TcpBytesReceived => _tcp.BytesReceived;

    /// <summary>Inbound TCP connections closed on accept (a cap or the descriptor budget reached).</summary>
    public long TcpConnectionsRefused => _tcp.RefusedConnections;

    public long UdpRejected => _udp.Rejected;

    /// <summary>How long the UDP receive loop has been busy without a break (<see cref="UdpSipChannel.Backlog"/>).</summary>
    public TimeSpan UdpBacklog => _udp.Backlog;

    public void Start(CancellationToken stopping)
    {
        _udp.Start(stopping);
        _tcp.Start(stopping);
    }

    public SipEndPoint LocalEndPoint(SipTransportKind transport) => new(transport, new IPEndPoint(_advertised, Port));

    public ValueTask SendAsync(SipMessage message, SipEndPoint destination, CancellationToken cancellationToken = default)
    {
        if (destination.Transport == SipTransportKind.Tcp)
        {
            return _tcp.SendAsync(message, destination.EndPoint, cancellationToken);
        }
        _udp.Send(message, destination.EndPoint);
        return ValueTask.CompletedTask;
    }

    public void Dispose()
    {
        _tcp.Dispose();
        _udp.Dispose();
    }
}
