using System.Security.Cryptography;

namespace Softswitch.Sip.Media;

/// <summary>
/// One leg's outgoing prompt stream, driven by the <see cref="MediaScheduler"/>: it has no timer or thread of its own.
/// SSRC, first sequence number and first timestamp are random (RFC 3550 §5.1, §8); each 20 ms frame advances the
/// sequence by 1 and the timestamp by 160 (8000 Hz clock, RFC 3551 §4.5.14); the first packet carries the marker bit
/// as the start of a talkspurt (RFC 3551 §4.1) — the prompts of one list follow one another without a gap, so they
/// are one talkspurt. Frame state is touched only on the scheduler's tick.
/// </summary>
public sealed class RtpPlayer
{
    private readonly MediaScheduler _scheduler;
    private readonly PromptAudio[] _prompts;
    private readonly IRtpPacketSink _sink;
    private readonly TaskCompletionSource<PlayOutcome> _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _prompt;
    private int _frame;
    private bool _marker = true;
    private long _packetsSent;

    internal RtpPlayer(MediaScheduler scheduler, string callId, PromptAudio[] prompts, RtpPayloadType payloadType, IRtpPacketSink sink)
    {
        _scheduler = scheduler;
        CallId = callId;
        _prompts = prompts;
        PayloadType = payloadType;
        _sink = sink;
        Span<byte> random = stackalloc byte[10];
        RandomNumberGenerator.Fill(random);
        Ssrc = BitConverter.ToUInt32(random);
        NextSequence = BitConverter.ToUInt16(random[4..]);
        NextTimestamp = BitConverter.ToUInt32(random[6..]);
    }

    public string CallId { get; }

    public RtpPayloadType PayloadType { get; }

    public uint Ssrc { get; }

    /// <summary>The sequence number of the next packet (the first one's before anything is sent).</summary>
    public ushort NextSequence { get; private set; }

    /// <summary>The timestamp of the next packet.</summary>
    public uint NextTimestamp { get; private set; }

    public long PacketsSent => Interlocked.Read(ref _packetsSent);

    /// <summary>Ends when the last frame has been sent, or the player was cancelled or its socket failed.</summary>
    public Task<PlayOutcome> Completion => _completion.Task;

    /// <summary>Stops the stream and frees its scheduler slot at once; no packet is sent after this returns.</summary>
    public void Cancel() => _scheduler.Stop(this, PlayOutcome.Cancelled);

    internal bool TryComplete(PlayOutcome outcome) => _completion.TrySetResult(outcome);

    internal bool IsDone => _completion.Task.IsCompleted;

    /// <summary>
    /// Writes the next packet into <paramref name="packet"/> and hands it to the sink; false when the list is played
    /// out (nothing sent). Exceptions of the sink propagate to the scheduler.
    /// </summary>
    internal bool SendNext(Span<byte> packet)
    {
        while (_prompt < _prompts.Length && _frame >= _prompts[_prompt].FrameCount)
        {
            _prompt++;
            _frame = 0;
        }
        if (_prompt == _prompts.Length)
        {
            return false;
        }
        new RtpHeader(_marker, (byte)PayloadType, NextSequence, NextTimestamp, Ssrc).Write(packet);
        _prompts[_prompt].EncodeFrame(_frame, PayloadType, packet[RtpHeader.Size..]);
        _sink.Send(packet[..(RtpHeader.Size + PromptAudio.FrameSamples)]);
        _frame++;
        _marker = false;
        NextSequence++;
        NextTimestamp += PromptAudio.FrameSamples;
        Interlocked.Increment(ref _packetsSent);
        return true;
    }
}
