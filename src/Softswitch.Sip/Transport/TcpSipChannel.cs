using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;
using Softswitch.Sip.Messages;
using Softswitch.Sip.Parsing;

namespace Softswitch.Sip.Transport;

/// <summary>
/// SIP over TCP (RFC 3261 §18): accepts connections on the SIP port, reuses an open connection to a peer for
/// requests and responses alike (§18.2.2: responses go back on the connection the request came on), and closes
/// connections idle for longer than the configured timeout, or whose message is not complete by its deadline. One
/// sweep timer on the injected clock, not one per connection. How many connections it holds, from where, and what
/// the accept loop does when accepting fails is in TcpSipChannel.Accept.cs (docs/hardening.md "TCP and descriptors").
/// </summary>
internal sealed partial class TcpSipChannel : IDisposable
{
    private readonly Socket _listener;
    private readonly SipTransportOptions _options;
    private readonly SipParserLimits _limits;
    private readonly Action<SipMessage> _onMessage;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly ConcurrentDictionary<IPEndPoint, TcpSipConnection> _connections = new();
    private readonly ConcurrentDictionary<IPAddress, int> _perSource = new();
    private readonly DescriptorBudget _descriptors;
    private readonly int _maxConnections;
    private ITimer? _sweep;
    private CancellationToken _stopping;
    private Task? _acceptLoop;

    public TcpSipChannel(SipTransportOptions options, SipParserLimits limits, Action<SipMessage> onMessage, TimeProvider time, ILogger logger, int port, DescriptorBudget descriptors)
    {
        _options = options;
        _descriptors = descriptors;
        // At most half of the descriptor budget: the rest stays for the RTP relay, so a TCP flood cannot take
        // every call's media ports.
        _maxConnections = Math.Min(options.MaxTcpConnections, descriptors.Limit / 2);
        _limits = limits;
        _onMessage = onMessage;
        _time = time;
        _logger = logger;
        IPAddress bind = options.ResolveBindAddress();
        _listener = new Socket(bind.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        _listener.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
        _listener.Bind(new IPEndPoint(bind, port));
        _listener.Listen(512);
    }

    public IPEndPoint LocalEndPoint => (IPEndPoint)_listener.LocalEndPoint!;

    public int ConnectionCount => _connections.Count;

    /// <summary>Bytes read from every open connection (tests wait on it instead of sleeping).</summary>
    internal long BytesReceived => _connections.Values.Sum(c => c.BytesReceived);

    public void Start(CancellationToken stopping)
    {
        _stopping = stopping;
        _acceptLoop = Task.Run(AcceptLoopAsync, CancellationToken.None);
        int shortest = Math.Min(_options.TcpIdleTimeoutSeconds, _options.TcpMessageDeadlineSeconds);
        var period = TimeSpan.FromSeconds(Math.Clamp(shortest / 4.0, 1, 10));
        _sweep = _time.CreateTimer(_ => SweepIdle(), null, period, period);
    }

    /// <summary>Sends over an existing connection to the peer, opening one if needed.</summary>
    public async ValueTask SendAsync(SipMessage message, IPEndPoint destination, CancellationToken cancellationToken)
    {
        if (!_connections.TryGetValue(destination, out var connection))
        {
            connection = await ConnectAsync(destination, cancellationToken);
            if (connection is null)
            {
                return;
            }
        }
        if (!connection.Send(message, Now()))
        {
            LogSendFailed(destination);
            Close(connection);
        }
    }

    /// <summary>
    /// Closes connections that carried no complete message for the idle timeout, and those whose message under way
    /// began longer ago than the message deadline; returns how many were closed.
    /// </summary>
    internal int SweepIdle()
    {
        long now = Now();
        long idle = now - _options.TcpIdleTimeoutSeconds * _time.TimestampFrequency;
        long deadline = now - _options.TcpMessageDeadlineSeconds * _time.TimestampFrequency;
        int closed = 0;
        foreach (var connection in _connections.Values)
        {
            if (connection.LastActivity < idle)
            {
                Close(connection);
                closed++;
            }
            else if (connection.PartialSince < deadline)
            {
                LogMessageDeadline(connection.Remote, _options.TcpMessageDeadlineSeconds);
                Close(connection);
                closed++;
            }
        }
        return closed;
    }

    private void Deliver(TcpSipConnection connection, SipMessage message)
    {
        message.Source = new SipEndPoint(SipTransportKind.Tcp, connection.Remote);
        if (message is SipRequest request)
        {
            ReceivedStamp.Apply(request, connection.Remote);
        }
        try
        {
            _onMessage(message);
        }
        catch (Exception e)
        {
            LogHandlerFailed(e);
        }
    }

    private void Reject(TcpSipConnection connection, byte[] raw, SipParseError error, string? detail)
    {
        LogRejected(connection.Remote, error, detail);
        byte[]? answer = RejectResponder.Build(raw, error, detail);
        if (answer is not null)
        {
            connection.SendRaw(answer, Now());
        }
    }

    private long Now() => _time.GetTimestamp();

    private static IPEndPoint Normalize(IPEndPoint ep) =>
        ep.Address.IsIPv4MappedToIPv6 ? new IPEndPoint(ep.Address.MapToIPv4(), ep.Port) : ep;

    public void Dispose()
    {
        _sweep?.Dispose();
        _listener.Dispose();
        foreach (var connection in _connections.Values)
        {
            Close(connection);
        }
        try
        {
            _acceptLoop?.Wait(TimeSpan.FromSeconds(2));
        }
        catch (AggregateException)
        {
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "TCP message from {Source} refused: {Error} {Detail}")]
    private partial void LogRejected(IPEndPoint source, SipParseError error, string? detail);

    [LoggerMessage(Level = LogLevel.Warning, Message = "TCP send to {Destination} failed; connection closed")]
    private partial void LogSendFailed(IPEndPoint destination);

    [LoggerMessage(Level = LogLevel.Debug, Message = "TCP connection from {Source} closed: no complete message within {Seconds} s of its first byte")]
    private partial void LogMessageDeadline(IPEndPoint source, int seconds);

    [LoggerMessage(Level = LogLevel.Error, Message = "SIP message handler failed")]
    private partial void LogHandlerFailed(Exception exception);
}
