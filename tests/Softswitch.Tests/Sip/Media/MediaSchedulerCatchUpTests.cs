using Microsoft.Extensions.Logging.Abstractions;
using Softswitch.Sip.Media;

namespace Softswitch.Tests.Sip.Media;

/// <summary>Rounds follow the elapsed time, not the number of timer callbacks.</summary>
public sealed class MediaSchedulerCatchUpTests
{
    private static PromptAudio Prompt(int frames) => MediaTestAudio.Constant(frames);

    [Test]
    public void A_late_callback_sends_the_frames_it_missed_up_to_three_and_a_long_stall_is_skipped()
    {
        var time = new ManualTimeProvider();
        using var scheduler = new MediaScheduler(time, NullLogger.Instance);
        var sink = new RecordingRtpSink();
        Assert.That(time.ArmedTimers, Is.Zero, "no timer runs while nothing plays");
        scheduler.Start("call-1", [Prompt(100)], RtpPayloadType.Pcmu, sink);
        Assert.That(time.ArmedTimers, Is.EqualTo(1), "one timer, whatever the number of players");

        time.Fire();
        Assert.That(sink.Packets, Is.Empty, "a callback before 20 ms have passed sends nothing");
        time.Now += TimeSpan.FromMilliseconds(20);
        time.Fire();
        Assert.That(sink.Packets, Has.Count.EqualTo(1));
        time.Now += TimeSpan.FromMilliseconds(60);
        time.Fire();
        Assert.That(sink.Packets, Has.Count.EqualTo(4), "60 ms late: the 3 missed frames");
        time.Now += TimeSpan.FromMilliseconds(500);
        time.Fire();
        Assert.That(sink.Packets, Has.Count.EqualTo(7), "a 500 ms stall sends 3 frames, not a burst of 25");
        time.Now += TimeSpan.FromMilliseconds(20);
        time.Fire();
        Assert.That(sink.Packets, Has.Count.EqualTo(8), "then the pace is one frame per 20 ms again");
    }

    [Test]
    public void The_timer_stops_when_the_last_player_leaves()
    {
        var time = new ManualTimeProvider();
        using var scheduler = new MediaScheduler(time, NullLogger.Instance);
        RtpPlayer first = scheduler.Start("call-1", [Prompt(10)], RtpPayloadType.Pcmu, new RecordingRtpSink());
        RtpPlayer second = scheduler.Start("call-2", [Prompt(10)], RtpPayloadType.Pcma, new RecordingRtpSink());

        first.Cancel();
        Assert.That(time.ArmedTimers, Is.EqualTo(1));
        second.Cancel();
        Assert.That(time.ArmedTimers, Is.Zero);
    }
}
