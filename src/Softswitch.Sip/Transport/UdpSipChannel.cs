using System.Buffers;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;
using Softswitch.Sip.Messages;
using Softswitch.Sip.Parsing;

namespace Softswitch.Sip.Transport;

/// <summary>
/// SIP over UDP (RFC 3261 §18): one socket, one receive loop. Messages are parsed and handed on in arrival order
/// on the loop itself, so one call's messages are never reordered (docs/performance.md, load-test pitfall 2); the
/// handler must not block.
/// </summary>
internal sealed partial class UdpSipChannel : IDisposable
{
    private readonly Socket _socket;
    private readonly SipTransportOptions _options;
    private readonly SipParserLimits _limits;
    private readonly Action<SipMessage> _onMessage;
    private readonly ILogger _logger;
    /// <summary>
    /// Each sending thread serializes into its own buffer: a UDP send is one syscall that needs no lock, so calls on
    /// different mailboxes never wait for each other's sends (it was one lock for every datagram of the switch).
    /// </summary>
    [ThreadStatic]
    private static ArrayBufferWriter<byte>? t_sendBuffer;
    private readonly IPEndPoint _addressTemplate;
    private Task? _loop;
    private long _busySince;

    public UdpSipChannel(SipTransportOptions options, SipParserLimits limits, Action<SipMessage> onMessage, ILogger logger)
    {
        _options = options;
        _limits = limits;
        _onMessage = onMessage;
        _logger = logger;
        IPAddress bind = options.ResolveBindAddress();
        _socket = new Socket(bind.AddressFamily, SocketType.Dgram, ProtocolType.Udp);
        // Bursts of thousands of calls/s overflow the default buffer (docs/performance.md, load-test pitfall 1).
        _socket.ReceiveBufferSize = options.UdpReceiveBufferBytes;
        _socket.SendBufferSize = options.UdpReceiveBufferBytes;
        if (OperatingSystem.IsWindows())
        {
            // Windows reports ICMP port-unreachable as a receive error that would stop the loop.
            const int SioUdpConnReset = -1744830452;
            _socket.IOControl(SioUdpConnReset, [0, 0, 0, 0], null);
        }
        _socket.Bind(new IPEndPoint(bind, options.Port));
        _addressTemplate = new IPEndPoint(bind.AddressFamily == AddressFamily.InterNetworkV6 ? IPAddress.IPv6Any : IPAddress.Any, 0);
    }

    public IPEndPoint LocalEndPoint => (IPEndPoint)_socket.LocalEndPoint!;

    public long Received { get; private set; }

    public long Rejected { get; private set; }

    /// <summary>
    /// How long the receive loop has found a datagram waiting at every receive, without a break: zero when it last
    /// had to wait. An upper bound of the age of the oldest datagram queued in the socket, one of the overload
    /// signals (<see cref="Overload.LoadProbe"/>).
    /// </summary>
    public TimeSpan Backlog => Volatile.Read(ref _busySince) is var since and not 0 ? Stopwatch.GetElapsedTime(since) : TimeSpan.Zero;

    public void Start(CancellationToken stopping) => _loop = Task.Run(() => ReceiveLoopAsync(stopping), CancellationToken.None);

    public void Send(SipMessage message, IPEndPoint destination)
    {
        var buffer = t_sendBuffer ??= new ArrayBufferWriter<byte>(4096);
        buffer.ResetWrittenCount();
        SipSerializer.Write(message, buffer);
        SendRaw(buffer.WrittenSpan, destination);
        if (buffer.Capacity > 65_536)
        {
            t_sendBuffer = null; // one oversize message does not pin a large buffer to the thread
        }
    }

    public void SendRaw(ReadOnlySpan<byte> datagram, IPEndPoint destination)
    {
        try
        {
            _socket.SendTo(datagram, SocketFlags.None, destination);
        }
        catch (SocketException e)
        {
            LogSendFailed(destination, e.SocketErrorCode);
        }
    }

    private async Task ReceiveLoopAsync(CancellationToken stopping)
    {
        byte[] buffer = GC.AllocateUninitializedArray<byte>(65_536, pinned: true);
        var address = new SocketAddress(_socket.AddressFamily);
        while (!stopping.IsCancellationRequested)
        {
            int length;
            try
            {
                ValueTask<int> pending = _socket.ReceiveFromAsync(buffer, SocketFlags.None, address, stopping);
                if (!pending.IsCompleted)
                {
                    Volatile.Write(ref _busySince, 0); // the socket's queue is empty
                    length = await pending;
                    Volatile.Write(ref _busySince, Stopwatch.GetTimestamp());
                }
                else
                {
                    length = await pending;
                    if (Volatile.Read(ref _busySince) == 0)
                    {
                        Volatile.Write(ref _busySince, Stopwatch.GetTimestamp()); // found waiting at the first receive
                    }
                }
            }
            catch (OperationCanceledException)
            {
                break;
            }
            catch (ObjectDisposedException)
            {
                break;
            }
            catch (SocketException e) when (e.SocketErrorCode == SocketError.OperationAborted && stopping.IsCancellationRequested)
            {
                break; // the socket closed under a pending receive at shutdown: not a fault
            }
            catch (SocketException e)
            {
                LogReceiveFailed(e.SocketErrorCode);
                continue;
            }
            try
            {
                Handle(buffer.AsSpan(0, length), address);
            }
            catch (Exception e)
            {
                // A bug in a handler must not stop the switch from serving (docs/architecture.md "Bad input").
                LogHandlerFailed(e);
            }
        }
    }

    private void Handle(ReadOnlySpan<byte> datagram, SocketAddress address)
    {
        Received++;
        if (IsKeepAlive(datagram))
        {
            return;
        }
        var source = (IPEndPoint)_addressTemplate.Create(address);
        if (datagram.Length > _options.MaxUdpMessageSize)
        {
            Reject(datagram, SipParseError.MessageTooLarge, $"{datagram.Length} bytes", source);
            return;
        }
        // The message keeps references into its bytes, so it gets its own copy of the datagram.
        byte[] copy = datagram.ToArray();
        SipParseResult result = SipParser.Parse(copy, _limits);
        if (!result.Success)
        {
            Reject(datagram, result.Error, result.Detail, source);
            return;
        }
        SipMessage message = result.Message!;
        message.Source = new SipEndPoint(SipTransportKind.Udp, source);
        if (message is SipRequest request)
        {
            ReceivedStamp.Apply(request, source);
        }
        _onMessage(message);
    }

    private void Reject(ReadOnlySpan<byte> datagram, SipParseError error, string? detail, IPEndPoint source)
    {
        Rejected++;
        LogRejected(source, error, detail);
        byte[]? answer = RejectResponder.Build(datagram, error, detail);
        if (answer is not null)
        {
            SendRaw(answer, source);
        }
    }

    /// <summary>CRLF keep-alives (RFC 5626 §4.4.1) and stray blank datagrams are absorbed silently.</summary>
    private static bool IsKeepAlive(ReadOnlySpan<byte> datagram) => datagram.Trim("\r\n\0 "u8).IsEmpty;

    public void Dispose()
    {
        _socket.Dispose();
        try
        {
            _loop?.Wait(TimeSpan.FromSeconds(2));
        }
        catch (AggregateException)
        {
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "UDP message from {Source} refused: {Error} {Detail}")]
    private partial void LogRejected(IPEndPoint source, SipParseError error, string? detail);

    [LoggerMessage(Level = LogLevel.Warning, Message = "UDP send to {Destination} failed: {Error}")]
    private partial void LogSendFailed(IPEndPoint destination, SocketError error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "UDP receive failed: {Error}")]
    private partial void LogReceiveFailed(SocketError error);

    [LoggerMessage(Level = LogLevel.Error, Message = "SIP message handler failed")]
    private partial void LogHandlerFailed(Exception exception);
}
