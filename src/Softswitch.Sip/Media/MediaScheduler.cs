using System.Net.Sockets;
using Microsoft.Extensions.Logging;

namespace Softswitch.Sip.Media;

/// <summary>
/// The one 20 ms clock of every outgoing media stream in the process: a single timer on the injected
/// <see cref="TimeProvider"/>, never a timer or thread per call (that would cost a kernel timer and a wake-up per
/// packet). Each round asks every active <see cref="RtpPlayer"/> for its next frame and sends it. Rounds are counted from the elapsed time, not from the
/// callbacks, so a late callback catches up (at most <see cref="MaxCatchUpRounds"/> rounds at once; a longer stall
/// is dropped rather than burst onto the wire). The timer runs only while a player is active. One packet buffer is
/// reused for every send: a round allocates nothing.
/// </summary>
public sealed partial class MediaScheduler : IDisposable
{
    public static readonly TimeSpan FrameInterval = TimeSpan.FromMilliseconds(20);

    /// <summary>Rounds one late callback may run to catch up (60 ms of audio).</summary>
    internal const int MaxCatchUpRounds = 3;

    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly Lock _lock = new();
    private readonly Lock _roundLock = new();
    private readonly ITimer _timer;
    private readonly byte[] _packet = new byte[RtpHeader.Size + PromptAudio.FrameSamples];
    private RtpPlayer[] _players = new RtpPlayer[16];
    private RtpPlayer[] _round = new RtpPlayer[16];
    private int _count;
    private long _startTimestamp;
    private long _roundsRun;
    private bool _running;
    private bool _disposed;

    public MediaScheduler(TimeProvider time, ILogger logger)
    {
        _time = time;
        _logger = logger;
        _timer = time.CreateTimer(static state => ((MediaScheduler)state!).OnTimer(), this, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
    }

    /// <summary>Players holding a slot: those still sending. A completed, cancelled or failed one has left.</summary>
    public int ActivePlayers
    {
        get
        {
            lock (_lock)
            {
                return _count;
            }
        }
    }

    /// <summary>
    /// Starts playing <paramref name="prompts"/> in order to <paramref name="sink"/>; the first packet leaves on the
    /// next round. An empty list is a caller's bug (there is nothing to play, and success must not be claimed):
    /// <see cref="ArgumentException"/>.
    /// </summary>
    public RtpPlayer Start(string callId, IReadOnlyList<PromptAudio> prompts, RtpPayloadType payloadType, IRtpPacketSink sink)
    {
        ArgumentNullException.ThrowIfNull(prompts);
        ArgumentNullException.ThrowIfNull(sink);
        if (prompts.Count == 0)
        {
            throw new ArgumentException("the prompt list is empty: nothing to play.", nameof(prompts));
        }
        if (!Enum.IsDefined(payloadType))
        {
            throw new ArgumentOutOfRangeException(nameof(payloadType), payloadType, "only PCMU (0) and PCMA (8) are played.");
        }
        var player = new RtpPlayer(this, callId, prompts.ToArray(), payloadType, sink);
        lock (_lock)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (_count == _players.Length)
            {
                Array.Resize(ref _players, _count * 2);
            }
            _players[_count++] = player;
            if (!_running)
            {
                _running = true;
                _startTimestamp = _time.GetTimestamp();
                _roundsRun = 0;
                _timer.Change(FrameInterval, FrameInterval);
            }
        }
        LogStarted(callId, player.Ssrc, prompts.Count);
        return player;
    }

    /// <summary>Cancels every player (their outcome is <see cref="PlayOutcome.Cancelled"/>) and stops the timer.</summary>
    public void Dispose()
    {
        RtpPlayer[] left;
        lock (_lock)
        {
            if (_disposed)
            {
                return;
            }
            _disposed = true;
            left = _players[.._count];
        }
        foreach (RtpPlayer player in left)
        {
            Stop(player, PlayOutcome.Cancelled);
        }
        _timer.Dispose();
    }

    /// <summary>Removes the player from the table and completes it; a second stop of the same player does nothing.</summary>
    internal void Stop(RtpPlayer player, PlayOutcome outcome)
    {
        // Taking the round lock means a round in progress finishes before the player leaves: nothing is sent after.
        lock (_roundLock)
        {
            lock (_lock)
            {
                int index = Array.IndexOf(_players, player, 0, _count);
                if (index < 0)
                {
                    return;
                }
                _players[index] = _players[--_count];
                _players[_count] = null!;
                if (_count == 0 && _running)
                {
                    _running = false;
                    _timer.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
                }
            }
            player.TryComplete(outcome);
        }
        LogStopped(player.CallId, player.Ssrc, outcome, player.PacketsSent);
    }

    private void OnTimer()
    {
        // Callbacks may overlap when a round runs long; the one that gets in runs the rounds that are due.
        if (!_roundLock.TryEnter())
        {
            return;
        }
        try
        {
            long due;
            lock (_lock)
            {
                if (!_running)
                {
                    return;
                }
                due = (long)(_time.GetElapsedTime(_startTimestamp) / FrameInterval) - _roundsRun;
                if (due > MaxCatchUpRounds)
                {
                    _roundsRun += due - MaxCatchUpRounds;
                    due = MaxCatchUpRounds;
                }
                _roundsRun += Math.Max(due, 0);
            }
            for (long i = 0; i < due; i++)
            {
                RunRound();
            }
        }
        finally
        {
            _roundLock.Exit();
        }
    }

    /// <summary>One frame to every active player. Under the round lock (internal for the allocation test).</summary>
    internal void RunRound()
    {
        int count;
        lock (_lock)
        {
            count = _count;
            if (_round.Length < count)
            {
                _round = new RtpPlayer[_players.Length];
            }
            Array.Copy(_players, _round, count);
        }
        for (int i = 0; i < count; i++)
        {
            RtpPlayer player = _round[i];
            _round[i] = null!;
            PlayOutcome? ended = null;
            try
            {
                if (!player.SendNext(_packet))
                {
                    ended = PlayOutcome.Completed;
                }
            }
            catch (SocketException e)
            {
                LogSendFailed(player.CallId, e.SocketErrorCode);
                ended = PlayOutcome.SendFailed;
            }
            catch (ObjectDisposedException)
            {
                ended = PlayOutcome.SendFailed;
            }
            if (ended is { } outcome)
            {
                Stop(player, outcome);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Call {SipCallId}: playing {Prompts} prompt(s), SSRC {Ssrc}")]
    private partial void LogStarted(string sipCallId, uint ssrc, int prompts);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Call {SipCallId}: player SSRC {Ssrc} ended {Outcome} after {Packets} packets")]
    private partial void LogStopped(string sipCallId, uint ssrc, PlayOutcome outcome, long packets);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Call {SipCallId}: RTP send failed ({Error}); the prompt stops")]
    private partial void LogSendFailed(string sipCallId, SocketError error);
}
