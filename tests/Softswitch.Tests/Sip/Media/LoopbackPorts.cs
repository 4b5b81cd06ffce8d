using System.Net;
using System.Net.Sockets;

namespace Softswitch.Tests.Sip.Media;

/// <summary>Port helpers for loopback tests: never a fixed port, so parallel runs and other services never clash.</summary>
internal static class LoopbackPorts
{
    /// <summary>
    /// A range of <paramref name="size"/> ports starting on an even port in 40000-60000 that were all free when
    /// checked; the pool under test skips any that get taken in between.
    /// </summary>
    public static (int First, int Last) FreeRange(int size)
    {
        for (int attempt = 0; attempt < 50; attempt++)
        {
            int first = Random.Shared.Next(20_000, 30_000 - size) * 2;
            if (Enumerable.Range(first, size).All(IsFree))
            {
                return (first, first + size - 1);
            }
        }
        throw new InvalidOperationException("no free port range found in 40000-60000");
    }

    public static bool IsFree(int port)
    {
        try
        {
            using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
            socket.Bind(new IPEndPoint(IPAddress.Loopback, port));
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    public static Socket Bind(int port = 0) => Bind(IPAddress.Loopback, port);

    /// <summary>A socket on another loopback address (127.0.0.2, 127.0.0.3: Linux routes all of 127/8 to lo).</summary>
    public static Socket Bind(IPAddress address, int port = 0)
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        socket.Bind(new IPEndPoint(address, port));
        socket.ReceiveTimeout = 5000;
        return socket;
    }

    /// <summary>Two sockets on consecutive ports (RTP even, RTCP + 1), like a phone that follows RFC 3550 §11.</summary>
    public static (Socket Rtp, Socket Rtcp) BindPair()
    {
        (int first, _) = FreeRange(2);
        return (Bind(first), Bind(first + 1));
    }

    public static IPEndPoint EndPoint(this Socket socket) => (IPEndPoint)socket.LocalEndPoint!;
}
