using System.Buffers;
using System.Net;
using System.Net.Sockets;
using Softswitch.Sip.Messages;
using Softswitch.Sip.Parsing;

namespace Softswitch.Sip.Transport;

/// <summary>
/// One TCP connection, accepted or opened by the switch (RFC 3261 §18.3). Messages are framed by Content-Length,
/// parsed and handed on in order from the read loop. Sends are serialized by a lock so frames never interleave.
/// Only a complete message (or a send) counts as activity for the idle timeout, and a message begun must be
/// complete by a deadline (<see cref="PartialSince"/>): a peer trickling bytes keeps neither alive (slowloris).
/// </summary>
internal sealed class TcpSipConnection : IDisposable
{
    private readonly Socket _socket;
    private readonly SipParserLimits _limits;
    private readonly Lock _sendLock = new();
    private readonly ArrayBufferWriter<byte> _sendBuffer = new(4096);
    private long _lastActivity;
    private long _partialSince = NoPartial;
    private long _bytesReceived;
    private int _closing;

    /// <summary><see cref="PartialSince"/> when no message is under way.</summary>
    public const long NoPartial = long.MaxValue;

    public TcpSipConnection(Socket socket, IPEndPoint remote, SipParserLimits limits, long now)
    {
        _socket = socket;
        _socket.NoDelay = true;
        _socket.SendTimeout = 5000;
        Remote = remote;
        _limits = limits;
        _lastActivity = now;
    }

    public IPEndPoint Remote { get; }

    public long LastActivity => Interlocked.Read(ref _lastActivity);

    /// <summary>When the first byte of the message being received came (<see cref="NoPartial"/> between messages).</summary>
    public long PartialSince => Interlocked.Read(ref _partialSince);

    /// <summary>Bytes read from the peer so far (tests wait on it instead of sleeping).</summary>
    public long BytesReceived => Interlocked.Read(ref _bytesReceived);

    /// <summary>Reads until the peer closes, the connection is disposed, or framing fails.</summary>
    public async Task ReadLoopAsync(Action<TcpSipConnection, SipMessage> onMessage, Action<TcpSipConnection, byte[], SipParseError, string?> onReject, Func<long> clock, CancellationToken stopping)
    {
        byte[] buffer = ArrayPool<byte>.Shared.Rent(8192);
        int filled = 0;
        try
        {
            while (!stopping.IsCancellationRequested)
            {
                if (filled == buffer.Length)
                {
                    if (buffer.Length >= _limits.MaxMessageSize + 4096)
                    {
                        onReject(this, buffer.AsSpan(0, filled).ToArray(), SipParseError.MessageTooLarge, "stream frame exceeds limit");
                        return;
                    }
                    byte[] bigger = ArrayPool<byte>.Shared.Rent(buffer.Length * 2);
                    buffer.AsSpan(0, filled).CopyTo(bigger);
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = bigger;
                }
                int read = await _socket.ReceiveAsync(buffer.AsMemory(filled), SocketFlags.None, stopping);
                if (read == 0)
                {
                    return;
                }
                filled += read;
                Interlocked.Add(ref _bytesReceived, read);
                long now = clock();
                int consumed = 0;
                bool framed = false;
                while (true)
                {
                    var span = buffer.AsSpan(consumed, filled - consumed);
                    SipFrameStatus status = SipParser.TryFrame(span, _limits, out int skip, out int length, out SipParseError error);
                    if (status == SipFrameStatus.NeedMoreData)
                    {
                        consumed += skip;
                        break;
                    }
                    if (status == SipFrameStatus.Invalid)
                    {
                        // Framing is lost: answer if possible and close (nothing after this point can be trusted).
                        onReject(this, span.ToArray(), error, "stream framing");
                        return;
                    }
                    byte[] frame = span.Slice(skip, length).ToArray();
                    consumed += skip + length;
                    framed = true;
                    SipParseResult result = SipParser.Parse(frame, _limits);
                    if (!result.Success)
                    {
                        onReject(this, frame, result.Error, result.Detail);
                        continue;
                    }
                    // A complete message is activity; bytes that only trickle in are not (slowloris).
                    Interlocked.Exchange(ref _lastActivity, now);
                    onMessage(this, result.Message!);
                }
                if (consumed > 0)
                {
                    buffer.AsSpan(consumed, filled - consumed).CopyTo(buffer);
                    filled -= consumed;
                }
                // The deadline runs from the first byte of a message: set once, kept while it trickles in. Bytes left
                // after a complete message started arriving with this read.
                if (filled == 0)
                {
                    Interlocked.Exchange(ref _partialSince, NoPartial);
                }
                else if (framed || Interlocked.Read(ref _partialSince) == NoPartial)
                {
                    Interlocked.Exchange(ref _partialSince, now);
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
        catch (ObjectDisposedException)
        {
        }
        catch (SocketException)
        {
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    public bool Send(SipMessage message, long now)
    {
        lock (_sendLock)
        {
            _sendBuffer.ResetWrittenCount();
            SipSerializer.Write(message, _sendBuffer);
            return SendLocked(_sendBuffer.WrittenSpan, now);
        }
    }

    public bool SendRaw(ReadOnlySpan<byte> bytes, long now)
    {
        lock (_sendLock)
        {
            return SendLocked(bytes, now);
        }
    }

    private bool SendLocked(ReadOnlySpan<byte> bytes, long now)
    {
        try
        {
            while (!bytes.IsEmpty)
            {
                int sent = _socket.Send(bytes, SocketFlags.None);
                bytes = bytes[sent..];
            }
            Interlocked.Exchange(ref _lastActivity, now);
            return true;
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException)
        {
            return false;
        }
    }

    /// <summary>True for the one caller that closes this connection first (the channel releases its slot once).</summary>
    internal bool TryBeginClose() => Interlocked.Exchange(ref _closing, 1) == 0;

    public void Dispose()
    {
        try
        {
            _socket.Shutdown(SocketShutdown.Both);
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException)
        {
        }
        _socket.Dispose();
    }
}
