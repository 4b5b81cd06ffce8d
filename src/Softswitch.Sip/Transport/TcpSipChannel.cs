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
/// connections idle for longer than the configured timeout. One sweep timer on the injected clock, not one per connection.
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
    private ITimer? _sweep;
    private CancellationToken _stopping;
    private Task? _acceptLoop;

    public TcpSipChannel(SipTransportOptions options, SipParserLimits limits, Action<SipMessage> onMessage, TimeProvider time, ILogger logger, int port)
    {
        _options = options;
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

    public void Start(CancellationToken stopping)
    {
        _stopping = stopping;
        _acceptLoop = Task.Run(AcceptLoopAsync, CancellationToken.None);
        var period = TimeSpan.FromSeconds(Math.Clamp(_options.TcpIdleTimeoutSeconds / 4.0, 1, 10));
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

    /// <summary>Closes connections that carried nothing for the idle timeout; returns how many were closed.</summary>
    internal int SweepIdle()
    {
        long limit = Now() - _options.TcpIdleTimeoutSeconds * _time.TimestampFrequency;
        int closed = 0;
        foreach (var connection in _connections.Values)
        {
            if (connection.LastActivity < limit)
            {
                Close(connection);
                closed++;
            }
        }
        return closed;
    }

    private async Task AcceptLoopAsync()
    {
        while (!_stopping.IsCancellationRequested)
        {
            Socket socket;
            try
            {
                socket = await _listener.AcceptAsync(_stopping);
            }
            catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException)
            {
                break;
            }
            catch (SocketException e)
            {
                LogAcceptFailed(e.SocketErrorCode);
                continue;
            }
            if (_connections.Count >= _options.MaxTcpConnections)
            {
                socket.Dispose();
                continue;
            }
            var remote = Normalize((IPEndPoint)socket.RemoteEndPoint!);
            Track(new TcpSipConnection(socket, remote, _limits, Now()));
        }
    }

    private async ValueTask<TcpSipConnection?> ConnectAsync(IPEndPoint destination, CancellationToken cancellationToken)
    {
        var socket = new Socket(destination.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _stopping);
            timeout.CancelAfter(TimeSpan.FromSeconds(5));
            await socket.ConnectAsync(destination, timeout.Token);
        }
        catch (Exception e) when (e is SocketException or OperationCanceledException)
        {
            socket.Dispose();
            LogConnectFailed(destination);
            return null;
        }
        var connection = new TcpSipConnection(socket, Normalize(destination), _limits, Now());
        return Track(connection);
    }

    private TcpSipConnection Track(TcpSipConnection connection)
    {
        if (!_connections.TryAdd(connection.Remote, connection))
        {
            // A connection to the same peer raced this one: keep the first, close the second.
            connection.Dispose();
            return _connections[connection.Remote];
        }
        _ = Task.Run(async () =>
        {
            await connection.ReadLoopAsync(Deliver, Reject, Now, _stopping);
            Close(connection);
        }, CancellationToken.None);
        return connection;
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

    private void Close(TcpSipConnection connection)
    {
        if (_connections.TryRemove(new KeyValuePair<IPEndPoint, TcpSipConnection>(connection.Remote, connection)))
        {
            connection.Dispose();
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

    [LoggerMessage(Level = LogLevel.Warning, Message = "TCP connect to {Destination} failed")]
    private partial void LogConnectFailed(IPEndPoint destination);

    [LoggerMessage(Level = LogLevel.Warning, Message = "TCP accept failed: {Error}")]
    private partial void LogAcceptFailed(SocketError error);

    [LoggerMessage(Level = LogLevel.Error, Message = "SIP message handler failed")]
    private partial void LogHandlerFailed(Exception exception);
}
