using System.Net;
using System.Net.Sockets;

namespace Softswitch.Sip.Media;

/// <summary>
/// Sends a player's packets from a leg's RTP socket (a rented <see cref="RtpPortPair"/>) to the address of the
/// SDP answer. The destination is serialised once, so a send allocates nothing. A <see cref="SocketException"/> or
/// <see cref="ObjectDisposedException"/> reaches the scheduler, which ends the player with
/// <see cref="PlayOutcome.SendFailed"/>.
/// </summary>
public sealed class SocketRtpPacketSink : IRtpPacketSink
{
    private readonly Socket _socket;
    private readonly SocketAddress _destination;

    public SocketRtpPacketSink(Socket socket, IPEndPoint destination)
    {
        ArgumentNullException.ThrowIfNull(socket);
        ArgumentNullException.ThrowIfNull(destination);
        _socket = socket;
        _destination = destination.Serialize();
    }

    public void Send(ReadOnlySpan<byte> packet) => _socket.SendTo(packet, SocketFlags.None, _destination);
}
