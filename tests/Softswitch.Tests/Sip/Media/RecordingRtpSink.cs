using System.Net.Sockets;
using Softswitch.Sip.Media;

namespace Softswitch.Tests.Sip.Media;

/// <summary>Keeps a copy of every packet a player sends; can be told to fail like a closed socket.</summary>
internal sealed class RecordingRtpSink : IRtpPacketSink
{
    public List<byte[]> Packets { get; } = [];

    public bool Fail { get; set; }

    public void Send(ReadOnlySpan<byte> packet)
    {
        if (Fail)
        {
            throw new SocketException((int)SocketError.NetworkUnreachable);
        }
        Packets.Add(packet.ToArray());
    }
}
