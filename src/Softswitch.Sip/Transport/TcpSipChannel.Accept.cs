using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;

namespace Softswitch.Sip.Transport;

/// <summary>
/// Admission of TCP connections (docs/hardening.md "TCP and descriptors"): each one takes a descriptor from the
/// process's <see cref="DescriptorBudget"/>, counts against the channel's cap and, when accepted, against its source
/// address's cap (so one address cannot hold every slot); a connection over any of them is closed at once. A failing
/// accept backs off (<see cref="AcceptBackoff"/>) instead of spinning.
/// </summary>
internal sealed partial class TcpSipChannel
{
    private long _refused;

    /// <summary>Inbound connections closed on accept because a cap or the descriptor budget was reached.</summary>
    public long RefusedConnections => Interlocked.Read(ref _refused);

    private async Task AcceptLoopAsync()
    {
        var backoff = new AcceptBackoff(_time);
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
                // EMFILE and the like leave the connection in the backlog: retrying at once would fail at once.
                var (delay, toLog) = backoff.Failed();
                if (toLog > 0)
                {
                    LogAcceptFailing(e.SocketErrorCode, toLog, (int)delay.TotalMilliseconds);
                }
                try
                {
                    await Task.Delay(delay, _time, _stopping);
                }
                catch (OperationCanceledException)
                {
                    break;
                }
                continue;
            }
            backoff.Succeeded();
            Admit(socket);
        }
    }

    private void Admit(Socket socket)
    {
        IPEndPoint remote;
        try
        {
            remote = Normalize((IPEndPoint)socket.RemoteEndPoint!);
        }
        catch (SocketException)
        {
            socket.Dispose(); // reset by the peer before we got to it
            return;
        }
        if (!TryReserve(remote.Address, inbound: true))
        {
            Interlocked.Increment(ref _refused);
            LogRefused(remote);
            socket.Dispose();
            return;
        }
        TcpSipConnection connection;
        try
        {
            connection = new TcpSipConnection(socket, remote, _limits, Now());
        }
        catch (SocketException)
        {
            socket.Dispose(); // reset while its options were set
            Release(remote.Address);
            return;
        }
        Track(connection);
    }

    private async ValueTask<TcpSipConnection?> ConnectAsync(IPEndPoint destination, CancellationToken cancellationToken)
    {
        var remote = Normalize(destination);
        if (!TryReserve(remote.Address, inbound: false))
        {
            LogConnectRefused(destination);
            return null;
        }
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
            Release(remote.Address);
            LogConnectFailed(destination);
            return null;
        }
        return Track(new TcpSipConnection(socket, remote, _limits, Now()));
    }

    /// <summary>
    /// Takes a slot and a descriptor for a connection with <paramref name="address"/>; the per-source cap applies to
    /// connections peers open, not to those the switch opens itself.
    /// </summary>
    private bool TryReserve(IPAddress address, bool inbound)
    {
        if (_connections.Count >= _maxConnections)
        {
            return false;
        }
        if (inbound && _perSource.TryGetValue(address, out int held) && held >= _options.MaxTcpConnectionsPerSource)
        {
            return false;
        }
        if (!_descriptors.TryTake(1))
        {
            return false;
        }
        _perSource.AddOrUpdate(address, 1, (_, n) => n + 1);
        return true;
    }

    private void Release(IPAddress address)
    {
        _descriptors.Give(1);
        while (_perSource.TryGetValue(address, out int held))
        {
            bool done = held <= 1
                ? _perSource.TryRemove(new KeyValuePair<IPAddress, int>(address, held))
                : _perSource.TryUpdate(address, held - 1, held);
            if (done)
            {
                return;
            }
        }
    }

    private TcpSipConnection Track(TcpSipConnection connection)
    {
        if (!_connections.TryAdd(connection.Remote, connection))
        {
            // A connection to the same peer raced this one: keep the first, close the second.
            connection.Dispose();
            Release(connection.Remote.Address);
            return _connections[connection.Remote];
        }
        _ = Task.Run(async () =>
        {
            await connection.ReadLoopAsync(Deliver, Reject, Now, _stopping);
            Close(connection);
        }, CancellationToken.None);
        return connection;
    }

    private void Close(TcpSipConnection connection)
    {
        // The source's slot and the descriptor are given back before the connection leaves the table, so whoever
        // sees the connection count drop also finds its slot free; TryBeginClose makes that happen once.
        if (_connections.TryGetValue(connection.Remote, out var current) && ReferenceEquals(current, connection)
            && connection.TryBeginClose())
        {
            Release(connection.Remote.Address);
            _connections.TryRemove(new KeyValuePair<IPEndPoint, TcpSipConnection>(connection.Remote, connection));
            connection.Dispose();
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "TCP accept failing: {Error}, {Count} failure(s) since the last report; retrying in {DelayMs} ms")]
    private partial void LogAcceptFailing(SocketError error, int count, int delayMs);

    [LoggerMessage(Level = LogLevel.Debug, Message = "TCP connection from {Source} refused: connection cap or descriptor budget reached")]
    private partial void LogRefused(IPEndPoint source);

    [LoggerMessage(Level = LogLevel.Warning, Message = "TCP connect to {Destination} not tried: connection cap or descriptor budget reached")]
    private partial void LogConnectRefused(IPEndPoint destination);

    [LoggerMessage(Level = LogLevel.Warning, Message = "TCP connect to {Destination} failed")]
    private partial void LogConnectFailed(IPEndPoint destination);
}
