using System.Collections.Concurrent;
using System.Net;
using Microsoft.Extensions.Logging;
using Softswitch.Sip.Transport;

namespace Softswitch.Sip.Media;

/// <summary>
/// The RTP relay engine, one per process: owns the port pool and the receive buffers and creates a
/// <see cref="RtpRelaySession"/> per call. Media timeouts are the caller's: it reads
/// <see cref="RtpRelaySession.MediaIdle"/> from its own heartbeat.
/// </summary>
public sealed partial class RtpRelay : IDisposable
{
    /// <summary>Above the Ethernet MTU; a larger datagram is not RTP a phone sends and is dropped.</summary>
    internal const int BufferSize = 2048;

    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly ConcurrentDictionary<RtpRelaySession, byte> _sessions = new();
    private readonly ConcurrentBag<byte[]> _buffers = [];
    private long _droppedByClosedSessions;
    private readonly DescriptorBudget _descriptors;

    /// <param name="descriptors">What relay sockets may take of the process's descriptors (none given: no limit).</param>
    public RtpRelay(RtpRelayOptions options, TimeProvider time, ILogger logger, DescriptorBudget? descriptors = null)
    {
        _descriptors = descriptors ?? DescriptorBudget.Unlimited;
        ArgumentNullException.ThrowIfNull(options);
        string? problem = options.Validate();
        if (problem is not null)
        {
            throw new ArgumentException(problem, nameof(options));
        }
        _time = time;
        _logger = logger;
        AdvertisedAddress = options.ResolveAdvertisedAddress();
        SourceCheck = options.SourceCheck;
        RelatchAfterSilence = TimeSpan.FromSeconds(options.RelatchAfterSilenceSeconds);
        RetryAfterSeconds = options.NoPortRetryAfterSeconds;
        Ports = new RtpPortPool(
            options.ResolveBindAddress(), options.PortRangeStart, options.PortRangeEnd, options.SocketBufferBytes, logger);
    }

    /// <summary>The address to write into SDP c= and o= lines (see <c>SdpRewriter.ForRelay</c>).</summary>
    public IPAddress AdvertisedAddress { get; }

    public RtpPortPool Ports { get; }

    /// <summary>rtp.sourceCheck: which sources a leg takes media from.</summary>
    public RtpSourceCheck SourceCheck { get; }

    /// <summary>rtp.relatchAfterSilenceSeconds: zero when a latched source is never replaced.</summary>
    public TimeSpan RelatchAfterSilence { get; }

    /// <summary>rtp.noPortRetryAfterSeconds: the Retry-After of the 503 a call gets when <see cref="TryCreateSession"/> fails.</summary>
    public int RetryAfterSeconds { get; }

    /// <summary>
    /// Media packets dropped since start because their source was neither leg's (<see cref="RtpSourceCheck"/>): the
    /// switch-wide count of what <see cref="RtpFlowStats.DroppedWrongSource"/> counts per call.
    /// </summary>
    public long DroppedWrongSource
    {
        get
        {
            long total = Interlocked.Read(ref _droppedByClosedSessions);
            foreach (RtpRelaySession session in _sessions.Keys)
            {
                total += session.DroppedWrongSource;
            }
            return total;
        }
    }

    public int ActiveSessions => _sessions.Count;

    /// <summary>Sockets a session holds: an RTP and an RTCP socket for each side.</summary>
    internal const int SocketsPerSession = 4;

    /// <summary>
    /// A new session with both sides' ports bound, at random places in the range, and its loops running; or null when
    /// the port range or the descriptor budget is exhausted (the B2BUA refuses the call then: 503 with Retry-After).
    /// </summary>
    public RtpRelaySession? TryCreateSession(string callId)
    {
        if (!_descriptors.TryTake(SocketsPerSession))
        {
            // Past the budget the process would run out of file descriptors, which the runtime does not survive
            // (docs/hardening.md "TCP and descriptors"). Refusing the call (503) is the graceful end of capacity.
            LogExhausted(callId);
            return null;
        }
        RtpPortPair? a = Ports.TryRent();
        if (a is null)
        {
            _descriptors.Give(SocketsPerSession);
            LogExhausted(callId);
            return null;
        }
        RtpPortPair? b = Ports.TryRent();
        if (b is null)
        {
            Ports.Return(a);
            _descriptors.Give(SocketsPerSession);
            LogExhausted(callId);
            return null;
        }
        var session = new RtpRelaySession(this, callId, a, b, _time, _logger);
        _sessions.TryAdd(session, 0);
        session.Start();
        return session;
    }

    /// <summary>Ends every session (shutdown); calls should have been ended before.</summary>
    public void Dispose()
    {
        foreach (RtpRelaySession session in _sessions.Keys)
        {
            session.Dispose();
        }
    }

    internal void OnSessionDisposed(RtpRelaySession session, long droppedWrongSource)
    {
        // Counted before the session leaves the table: a reader may count it twice for a moment, never lose it.
        Interlocked.Add(ref _droppedByClosedSessions, droppedWrongSource);
        if (_sessions.TryRemove(session, out _))
        {
            _descriptors.Give(SocketsPerSession);
        }
    }

    /// <summary>Pinned, so the GC never moves a buffer a pending receive points at (pinned object heap).</summary>
    internal byte[] RentBuffer() =>
        _buffers.TryTake(out byte[]? buffer) ? buffer : GC.AllocateUninitializedArray<byte>(BufferSize, pinned: true);

    internal void ReturnBuffer(byte[] buffer) => _buffers.Add(buffer);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Call {SipCallId}: no free RTP port pair")]
    private partial void LogExhausted(string sipCallId);
}
