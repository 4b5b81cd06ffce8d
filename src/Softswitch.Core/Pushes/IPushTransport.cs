namespace Softswitch.Core.Pushes;

/// <summary>
/// Sends one stored push to the receiver (Core has no sockets; the host implements this over HTTP, 001_… §4.1).
/// Must not throw for receiver faults: those are <see cref="PushSendResult.Retry"/>.
/// </summary>
public interface IPushTransport
{
    Task<PushSendResult> SendAsync(StoredPush push, CancellationToken cancellationToken);
}
