using System.Net;
using System.Net.Sockets;

namespace Softswitch.Sip.Simulation;

/// <summary>
/// The media end of one simulated call: a UDP socket on the carrier's loopback address that reflects every datagram
/// to where it came from ("echo") or drops it ("silent"). One receive loop per call on the socket's async I/O (no
/// thread of its own); one buffer reused for every packet.
/// </summary>
public sealed class RtpEcho : IDisposable
{
    private readonly Socket _socket;
    private readonly bool _reflect;
    private readonly CancellationTokenSource _stop = new();
    private long _received;

    public RtpEcho(IPAddress bindAddress, bool reflect)
    {
        _socket = new Socket(bindAddress.AddressFamily, SocketType.Dgram, ProtocolType.Udp);
        _socket.Bind(new IPEndPoint(bindAddress, 0));
        _reflect = reflect;
        LocalEndPoint = (IPEndPoint)_socket.LocalEndPoint!;
        _ = RunAsync();
    }

    public IPEndPoint LocalEndPoint { get; }

    /// <summary>Datagrams received so far.</summary>
    public long Received => Interlocked.Read(ref _received);

    private async Task RunAsync()
    {
        byte[] buffer = new byte[2048];
        EndPoint any = new IPEndPoint(LocalEndPoint.AddressFamily == AddressFamily.InterNetworkV6 ? IPAddress.IPv6Any : IPAddress.Any, 0);
        while (!_stop.IsCancellationRequested)
        {
            SocketReceiveFromResult result;
            try
            {
                result = await _socket.ReceiveFromAsync(buffer, SocketFlags.None, any, _stop.Token);
            }
            catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException)
            {
                return;
            }
            catch (SocketException)
            {
                continue; // ICMP port unreachable from a peer that left: keep serving
            }
            Interlocked.Increment(ref _received);
            if (_reflect && result.ReceivedBytes > 0)
            {
                try
                {
                    _socket.SendTo(buffer.AsSpan(0, result.ReceivedBytes), SocketFlags.None, result.RemoteEndPoint);
                }
                catch (Exception e) when (e is SocketException or ObjectDisposedException)
                {
                    // the peer's port is gone; the next packet may find it again
                }
            }
        }
    }

    public void Dispose()
    {
        _stop.Cancel();
        _socket.Dispose();
        _stop.Dispose();
    }
}
