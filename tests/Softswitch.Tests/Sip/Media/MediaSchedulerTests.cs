using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Softswitch.Sip.Media;

namespace Softswitch.Tests.Sip.Media;

public sealed class MediaSchedulerTests
{
    private FakeTimeProvider _time = null!;
    private MediaScheduler _scheduler = null!;

    [SetUp]
    public void SetUp()
    {
        _time = new FakeTimeProvider(new DateTimeOffset(2026, 12, 2, 12, 0, 0, TimeSpan.Zero));
        _scheduler = new MediaScheduler(_time, NullLogger.Instance);
    }

    [TearDown]
    public void TearDown() => _scheduler.Dispose();

    private static PromptAudio Prompt(int frames) => MediaTestAudio.Constant(frames);

    private void Tick(int rounds = 1)
    {
        for (int i = 0; i < rounds; i++)
        {
            _time.Advance(MediaScheduler.FrameInterval);
        }
    }

    [TestCase(RtpPayloadType.Pcmu)]
    [TestCase(RtpPayloadType.Pcma)]
    public void One_packet_per_20ms_with_consecutive_sequence_and_timestamp_and_a_marker_on_the_first(RtpPayloadType codec)
    {
        var sink = new RecordingRtpSink();
        RtpPlayer player = _scheduler.Start("call-1", [Prompt(3), Prompt(2)], codec, sink);
        ushort firstSequence = player.NextSequence;
        uint firstTimestamp = player.NextTimestamp;

        _time.Advance(TimeSpan.FromMilliseconds(19));
        Assert.That(sink.Packets, Is.Empty, "nothing before the first 20 ms tick");
        _time.Advance(TimeSpan.FromMilliseconds(1));
        Assert.That(sink.Packets, Has.Count.EqualTo(1));
        Tick(4);

        Assert.That(sink.Packets, Has.Count.EqualTo(5), "3 + 2 frames, one per tick");
        for (int i = 0; i < sink.Packets.Count; i++)
        {
            byte[] packet = sink.Packets[i];
            Assert.That(packet, Has.Length.EqualTo(RtpHeader.Size + 160));
            Assert.That(RtpHeader.TryRead(packet, out RtpHeader header, out _), Is.True);
            Assert.That(packet[0], Is.EqualTo(0x80), "version 2, no padding, extension or CSRC");
            Assert.That(header.PayloadType, Is.EqualTo((byte)codec));
            Assert.That(header.Marker, Is.EqualTo(i == 0));
            Assert.That(header.Sequence, Is.EqualTo((ushort)(firstSequence + i)));
            Assert.That(header.Timestamp, Is.EqualTo(unchecked(firstTimestamp + (uint)(160 * i))));
            Assert.That(header.Ssrc, Is.EqualTo(player.Ssrc));
        }
        Assert.That(player.Completion.IsCompleted, Is.False, "the end is found on the next tick");
        Tick();
        Assert.That(player.Completion.Result, Is.EqualTo(PlayOutcome.Completed));
        Assert.That(_scheduler.ActivePlayers, Is.Zero);
        Tick(5);
        Assert.That(sink.Packets, Has.Count.EqualTo(5));
    }

    [Test]
    public void The_payload_is_the_prompt_encoded()
    {
        var sink = new RecordingRtpSink();
        PromptAudio prompt = PromptAudio.TryLoad("tone", MediaTestAudio.ToneWav(1000, TimeSpan.FromMilliseconds(200)), out _)!;
        _scheduler.Start("call-1", [prompt], RtpPayloadType.Pcma, sink);

        Tick(10);

        byte[] expected = MediaTestAudio.EncodeAll(prompt, RtpPayloadType.Pcma);
        Assert.That(sink.Packets.SelectMany(p => p[RtpHeader.Size..]).ToArray(), Is.EqualTo(expected));
    }

    [Test]
    public void Players_share_the_tick_and_each_has_its_own_random_SSRC_and_sequence()
    {
        var sinks = Enumerable.Range(0, 20).Select(_ => new RecordingRtpSink()).ToArray();
        RtpPlayer[] players = sinks.Select((s, i) => _scheduler.Start("call-" + i, [Prompt(4)], RtpPayloadType.Pcmu, s)).ToArray();

        Tick(2);

        Assert.That(sinks.Select(s => s.Packets.Count), Is.All.EqualTo(2));
        Assert.That(players.Select(p => p.Ssrc).Distinct().Count(), Is.GreaterThan(18), "random 32-bit SSRCs rarely collide");
        Assert.That(players.Select(p => p.NextSequence).Distinct().Count(), Is.GreaterThan(10));
        Assert.That(_scheduler.ActivePlayers, Is.EqualTo(20));
    }

    [Test]
    public void A_cancelled_player_frees_its_slot_at_once_and_sends_nothing_more()
    {
        var sink = new RecordingRtpSink();
        RtpPlayer player = _scheduler.Start("call-1", [Prompt(50)], RtpPayloadType.Pcmu, sink);
        Tick(3);

        player.Cancel();

        Assert.That(_scheduler.ActivePlayers, Is.Zero);
        Assert.That(player.Completion.Result, Is.EqualTo(PlayOutcome.Cancelled));
        Tick(10);
        Assert.That(sink.Packets, Has.Count.EqualTo(3));
        player.Cancel();
        Assert.That(player.Completion.Result, Is.EqualTo(PlayOutcome.Cancelled), "a second cancel changes nothing");
    }

    [Test]
    public void Many_players_started_and_cancelled_leave_no_slot_behind()
    {
        for (int round = 0; round < 5; round++)
        {
            RtpPlayer[] players = Enumerable.Range(0, 200)
                .Select(i => _scheduler.Start("call-" + i, [Prompt(100)], RtpPayloadType.Pcmu, new RecordingRtpSink()))
                .ToArray();
            Tick();
            foreach (RtpPlayer player in players.Reverse())
            {
                player.Cancel();
            }
            Assert.That(_scheduler.ActivePlayers, Is.Zero);
        }
    }

    [Test]
    public void A_failing_socket_ends_the_player_with_SendFailed_and_frees_its_slot()
    {
        var sink = new RecordingRtpSink();
        RtpPlayer player = _scheduler.Start("call-1", [Prompt(10)], RtpPayloadType.Pcmu, sink);
        Tick(2);

        sink.Fail = true;
        Tick();

        Assert.That(player.Completion.Result, Is.EqualTo(PlayOutcome.SendFailed));
        Assert.That(_scheduler.ActivePlayers, Is.Zero);
        Assert.That(player.PacketsSent, Is.EqualTo(2));
    }

    [Test]
    public void Disposing_the_scheduler_cancels_every_player()
    {
        RtpPlayer player = _scheduler.Start("call-1", [Prompt(10)], RtpPayloadType.Pcmu, new RecordingRtpSink());

        _scheduler.Dispose();

        Assert.That(player.Completion.Result, Is.EqualTo(PlayOutcome.Cancelled));
        Assert.That(_scheduler.ActivePlayers, Is.Zero);
        Assert.Throws<ObjectDisposedException>(() => _scheduler.Start("call-2", [Prompt(1)], RtpPayloadType.Pcmu, new RecordingRtpSink()));
    }

    [Test]
    public void An_empty_prompt_list_is_refused()
    {
        var e = Assert.Throws<ArgumentException>(() => _scheduler.Start("call-1", [], RtpPayloadType.Pcmu, new RecordingRtpSink()));

        Assert.That(e!.Message, Does.StartWith("the prompt list is empty: nothing to play."));
        Assert.That(_scheduler.ActivePlayers, Is.Zero);
    }

    [Test]
    public void A_payload_type_other_than_G711_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => _scheduler.Start("call-1", [Prompt(1)], (RtpPayloadType)18, new RecordingRtpSink()));
    }

    [Test]
    public void A_round_allocates_nothing()
    {
        var sink = new CountingSink();
        for (int i = 0; i < 50; i++)
        {
            _scheduler.Start("call-" + i, [Prompt(500)], i % 2 == 0 ? RtpPayloadType.Pcmu : RtpPayloadType.Pcma, sink);
        }
        _scheduler.RunRound();

        // Three batches, the least counted: a one-off allocation on this thread by the runtime (tiered JIT, a
        // thread-static first touched) in the full suite must not read as a per-round cost.
        long allocated = long.MaxValue;
        for (int batch = 0; batch < 3; batch++)
        {
            long before = GC.GetAllocatedBytesForCurrentThread();
            for (int i = 0; i < 30; i++)
            {
                _scheduler.RunRound();
            }
            allocated = Math.Min(allocated, GC.GetAllocatedBytesForCurrentThread() - before);
        }

        Assert.That(sink.Count, Is.EqualTo(91 * 50));
        Assert.That(allocated, Is.Zero, "1,500 packets, 0 bytes");
    }

    private sealed class CountingSink : IRtpPacketSink
    {
        public int Count;

        public void Send(ReadOnlySpan<byte> packet) => Count++;
    }
}
