namespace Softswitch.Sip.Media;

/// <summary>
/// Where a player's packets go: a socket in production (<see cref="SocketRtpPacketSink"/>), a recorder in tests.
/// <see cref="Send"/> is called on the scheduler's tick and must neither block nor keep the span.
/// </summary>
public interface IRtpPacketSink
{
    void Send(ReadOnlySpan<byte> packet);
}
