using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;

namespace Softswitch.Sip.Media;

/// <summary>
/// The media of one call through the relay: side A (the caller) and side B (the callee), each with its own RTP
/// and RTCP sockets. A packet received on one side goes out of the other side's socket of the same kind to that
/// side's phone, so each phone sees a single peer, the switch. Created by <see cref="RtpRelay.TryCreateSession"/>;
/// <see cref="Dispose"/> stops the loops, closes the sockets and returns the ports.
/// </summary>
/// <remarks>
/// Source check (issue 12, rtpengine's "RTP bleed"): a leg takes packets only from the addresses its SDP and its
/// signalling name (<see cref="RtpSourceCheck"/>), and latches to the first such source, which differs from the SDP
/// behind NAT. Packets from anywhere else are dropped and counted in <see cref="RtpFlowStats.DroppedWrongSource"/>,
/// before the latch as after it. A latched source is replaced only by another allowed one after it has been silent
/// for rtp.relatchAfterSilenceSeconds, or by a <see cref="SetRemote"/> with a new address; never on SSRC change
/// (a stray stream could otherwise take the call over).
/// </remarks>
public sealed partial class RtpRelaySession : IDisposable
{
    private readonly RtpRelay _relay;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly RtpRelaySide _a;
    private readonly RtpRelaySide _b;
    // Per leg (a gateway's or phone's rtpSourceCheck can differ from rtp.sourceCheck); read by the relay loops.
    private volatile RtpSourceCheck _checkA;
    private volatile RtpSourceCheck _checkB;
    private readonly long _relatchTicks;
    private int _disposed;

    internal RtpRelaySession(RtpRelay relay, string callId, RtpPortPair a, RtpPortPair b, TimeProvider time, ILogger logger)
    {
        _relay = relay;
        CallId = callId;
        _time = time;
        _logger = logger;
        _a = new RtpRelaySide(a);
        _b = new RtpRelaySide(b);
        _checkA = relay.SourceCheck;
        _checkB = relay.SourceCheck;
        _relatchTicks = relay.RelatchAfterSilence.Ticks;
        CreatedAt = time.GetUtcNow();
    }

    public string CallId { get; }

    public DateTimeOffset CreatedAt { get; }

    public bool IsDisposed => Volatile.Read(ref _disposed) != 0;

    /// <summary>
    /// The relay's RTP port facing <paramref name="side"/>: the port to write into the SDP sent to that side's
    /// phone (RTCP is this + 1).
    /// </summary>
    public int LocalPort(RtpSide side) => Side(side).Ports.RtpPort;

    /// <summary>
    /// Where <paramref name="side"/>'s phone said it receives media (its SDP c= and m= port). RTCP defaults to
    /// RTP port + 1 (RFC 3550 §11); pass the a=rtcp address (RFC 3605) when there is one. Until that side's first
    /// packet arrives, media for it go here; afterwards to the latched source. Returns false, changing nothing,
    /// when the address family is not the relay's.
    /// </summary>
    public bool SetRemote(RtpSide side, IPEndPoint rtp, IPEndPoint? rtcp = null)
    {
        ArgumentNullException.ThrowIfNull(rtp);
        rtcp ??= new IPEndPoint(rtp.Address, rtp.Port + 1);
        RtpRelaySide target = Side(side);
        AddressFamily family = target.Ports.Rtp.AddressFamily;
        if (rtp.AddressFamily != family || rtcp.AddressFamily != family)
        {
            return false;
        }
        target.SetSignalled(rtp.Serialize(), rtcp.Serialize());
        LogRemoteSet(CallId, side, rtp);
        return true;
    }

    /// <summary>
    /// The IP address <paramref name="side"/>'s SIP came from (the INVITE's source for A, the answer's for B): under
    /// <see cref="RtpSourceCheck.Latch"/> media from it, on any port, may latch, for phones behind NAT whose SDP names
    /// a private address. An IPv4-mapped IPv6 address counts as IPv4. Returns false, changing nothing, when the
    /// address family is not the relay's.
    /// </summary>
    public bool SetSignallingAddress(RtpSide side, IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        RtpRelaySide target = Side(side);
        if (address.IsIPv4MappedToIPv6 && target.Ports.Rtp.AddressFamily == AddressFamily.InterNetwork)
        {
            address = address.MapToIPv4();
        }
        if (address.AddressFamily != target.Ports.Rtp.AddressFamily)
        {
            return false;
        }
        target.SetSignalling(new IPEndPoint(address, 0).Serialize());
        return true;
    }

    public RtpFlowStats Stats(RtpSide side) => Side(side).Snapshot();

    /// <summary>When the relay last received RTP from <paramref name="side"/>'s phone, or null if never.</summary>
    public DateTimeOffset? LastPacketAt(RtpSide side) =>
        RtpRelaySide.ToTime(Interlocked.Read(ref Side(side).LastInTicks));

    /// <summary>When the relay last received RTP from either phone, or null if never.</summary>
    public DateTimeOffset? LastPacketAt() =>
        RtpRelaySide.ToTime(Math.Max(Interlocked.Read(ref _a.LastInTicks), Interlocked.Read(ref _b.LastInTicks)));

    /// <summary>
    /// How long the leg on <paramref name="side"/> has been without the media <paramref name="direction"/> asks
    /// for (VOS3000 mediaCheckDirection), counted from session creation when nothing has flowed yet. The B2BUA
    /// ends the call when this exceeds its media timeout; it should not check while the call is on hold.
    /// </summary>
    public TimeSpan MediaIdle(RtpSide side, MediaCheckDirection direction)
    {
        RtpRelaySide s = Side(side);
        DateTimeOffset now = _time.GetUtcNow();
        DateTimeOffset received = RtpRelaySide.ToTime(Interlocked.Read(ref s.LastInTicks)) ?? CreatedAt;
        DateTimeOffset sent = RtpRelaySide.ToTime(Interlocked.Read(ref s.LastOutTicks)) ?? CreatedAt;
        TimeSpan idle = direction switch
        {
            MediaCheckDirection.Received => now - received,
            MediaCheckDirection.Sent => now - sent,
            MediaCheckDirection.Both => now - (received < sent ? received : sent),
            _ => TimeSpan.Zero,
        };
        return idle < TimeSpan.Zero ? TimeSpan.Zero : idle;
    }

    internal void Start()
    {
        // Four loops, one per socket; each runs on the thread pool between packets and owns one buffer. They live
        // as long as the call, so they must not keep the creator's execution context (AsyncLocals, log scopes).
        using AsyncFlowControl flow = ExecutionContext.SuppressFlow();
        _ = ReceiveLoopAsync(_a, _b, rtcp: false);
        _ = ReceiveLoopAsync(_a, _b, rtcp: true);
        _ = ReceiveLoopAsync(_b, _a, rtcp: false);
        _ = ReceiveLoopAsync(_b, _a, rtcp: true);
    }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }
        // Closing the sockets ends the pending receives, which ends the loops; the ports can be reused at once
        // because the loops only ever touch their own (now closed) sockets.
        _relay.Ports.Return(_a.Ports);
        _relay.Ports.Return(_b.Ports);
        long dropped = DroppedWrongSource;
        _relay.OnSessionDisposed(this, dropped);
        LogClosed(CallId, _a.RtpPacketsIn, _b.RtpPacketsIn);
        if (dropped > 0)
        {
            long droppedA = Interlocked.Read(ref _a.DroppedWrongSource);
            LogForeignDropped(CallId, droppedA, dropped - droppedA);
        }
    }

    /// <summary>Packets dropped on both sides because their source was not the leg's.</summary>
    internal long DroppedWrongSource => Interlocked.Read(ref _a.DroppedWrongSource) + Interlocked.Read(ref _b.DroppedWrongSource);

    private RtpRelaySide Side(RtpSide side) => side == RtpSide.A ? _a : _b;

    private async Task ReceiveLoopAsync(RtpRelaySide from, RtpRelaySide to, bool rtcp)
    {
        Socket socket = rtcp ? from.Ports.Rtcp : from.Ports.Rtp;
        byte[] buffer = _relay.RentBuffer();
        // Filled in place by every receive, so the source address costs no allocation per packet.
        var source = new SocketAddress(socket.AddressFamily);
        try
        {
            while (!IsDisposed)
            {
                int length;
                try
                {
                    length = await socket.ReceiveFromAsync(buffer, SocketFlags.None, source);
                }
                catch (ObjectDisposedException)
                {
                    break;
                }
                catch (SocketException e) when (IsDisposed || e.SocketErrorCode == SocketError.OperationAborted)
                {
                    break;
                }
                catch (SocketException e)
                {
                    // E.g. MessageSize for a datagram larger than the buffer: drop it and keep serving the call.
                    LogReceiveFailed(CallId, e.SocketErrorCode);
                    continue;
                }
                Forward(from, to, buffer.AsSpan(0, length), source, rtcp);
            }
        }
        catch (Exception e)
        {
            // A bug here must not take the process down; the call loses media and the media timeout ends it.
            LogLoopFailed(CallId, e);
        }
        finally
        {
            _relay.ReturnBuffer(buffer);
        }
    }

    /// <summary>How strictly the relay takes <paramref name="side"/>'s media from now on (its gateway's or phone's rtpSourceCheck).</summary>
    public void SetSourceCheck(RtpSide side, RtpSourceCheck check)
    {
        if (side == RtpSide.A)
        {
            _checkA = check;
        }
        else
        {
            _checkB = check;
        }
    }

    /// <summary>The source check in force for <paramref name="side"/>.</summary>
    public RtpSourceCheck SourceCheckOf(RtpSide side) => side == RtpSide.A ? _checkA : _checkB;

    private void Forward(RtpRelaySide from, RtpRelaySide to, ReadOnlySpan<byte> packet, SocketAddress source, bool rtcp)
    {
        long now = _time.GetUtcNow().UtcTicks;
        RtpAcceptance verdict = from.Accept(source, rtcp, from == _a ? _checkA : _checkB, now, _relatchTicks);
        if (verdict == RtpAcceptance.WrongSource)
        {
            return;
        }
        if (verdict != RtpAcceptance.Accepted)
        {
            LogLatched(CallId, from == _a ? RtpSide.A : RtpSide.B, rtcp ? "RTCP" : "RTP", verdict == RtpAcceptance.Relatched);
        }
        from.CountIn(packet.Length, rtcp, now);
        SocketAddress? destination = (rtcp ? to.Rtcp : to.Rtp).Destination;
        if (destination is null)
        {
            Interlocked.Increment(ref from.DroppedNoRemote);
            return;
        }
        Socket socket = rtcp ? to.Ports.Rtcp : to.Ports.Rtp;
        try
        {
            socket.SendTo(packet, SocketFlags.None, destination);
        }
        catch (SocketException e)
        {
            LogSendFailed(CallId, e.SocketErrorCode);
            return;
        }
        catch (ObjectDisposedException)
        {
            return;
        }
        to.CountOut(packet.Length, rtcp, now);
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Call {SipCallId}: side {Side} media at {Remote} per SDP")]
    private partial void LogRemoteSet(string sipCallId, RtpSide side, IPEndPoint remote);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Call {SipCallId}: side {Side} {Kind} latched to a source its SDP or signalling names (again after silence: {Relatched})")]
    private partial void LogLatched(string sipCallId, RtpSide side, string kind, bool relatched);

    [LoggerMessage(Level = LogLevel.Information, Message = "Call {SipCallId}: dropped {DroppedA}/{DroppedB} media packets to sides A/B from sources neither leg's SDP nor signalling names")]
    private partial void LogForeignDropped(string sipCallId, long droppedA, long droppedB);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Call {SipCallId}: RTP relay closed after {PacketsA}/{PacketsB} packets from A/B")]
    private partial void LogClosed(string sipCallId, long packetsA, long packetsB);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Call {SipCallId}: RTP receive failed: {Error}")]
    private partial void LogReceiveFailed(string sipCallId, SocketError error);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Call {SipCallId}: RTP send failed: {Error}")]
    private partial void LogSendFailed(string sipCallId, SocketError error);

    [LoggerMessage(Level = LogLevel.Error, Message = "Call {SipCallId}: RTP relay loop failed")]
    private partial void LogLoopFailed(string sipCallId, Exception exception);
}
