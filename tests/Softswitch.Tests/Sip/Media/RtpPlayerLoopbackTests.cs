using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging.Abstractions;
using Softswitch.Sip.Media;

namespace Softswitch.Tests.Sip.Media;

/// <summary>The player on a rented relay port and the real clock: a phone on loopback receives the prompt.</summary>
public sealed class RtpPlayerLoopbackTests
{
    [Test]
    public async Task A_phone_on_loopback_receives_every_frame_of_the_tone_in_order()
    {
        using Socket phone = LoopbackPorts.Bind();
        (int first, int last) = LoopbackPorts.FreeRange(4);
        var ports = new RtpPortPool(IPAddress.Loopback, first, last);
        RtpPortPair pair = ports.TryRent()!;
        Socket leg = pair.Rtp;
        using var scheduler = new MediaScheduler(TimeProvider.System, NullLogger.Instance);
        PromptAudio prompt = PromptAudio.TryLoad("tone", MediaTestAudio.ToneWav(1000, TimeSpan.FromMilliseconds(400)), out _)!;

        RtpPlayer player = scheduler.Start("call-loop", [prompt], RtpPayloadType.Pcmu, new SocketRtpPacketSink(leg, phone.EndPoint()));

        var received = new List<byte[]>();
        var buffer = new byte[2048];
        EndPoint from = new IPEndPoint(IPAddress.Any, 0);
        while (received.Count < prompt.FrameCount)
        {
            // ReceiveTimeout (5 s) fails the test if a packet never comes.
            int length = phone.ReceiveFrom(buffer, ref from);
            received.Add(buffer[..length]);
        }
        PlayOutcome outcome = await player.Completion.WaitAsync(TimeSpan.FromSeconds(5));

        Assert.That(outcome, Is.EqualTo(PlayOutcome.Completed));
        Assert.That(scheduler.ActivePlayers, Is.Zero);
        Assert.That(((IPEndPoint)from).Port, Is.EqualTo(leg.EndPoint().Port), "sent from the leg's own RTP socket");
        var headers = received.Select(p => RtpHeader.TryRead(p, out RtpHeader h, out _) ? h : default).ToArray();
        Assert.That(headers.Select((h, i) => (ushort)(h.Sequence - headers[0].Sequence) == i).All(x => x), Is.True, "consecutive, no loss on loopback");
        Assert.That(headers.Select(h => h.Marker), Is.EqualTo(new[] { true }.Concat(Enumerable.Repeat(false, 19))));
        short[] decoded = MediaTestAudio.Decode(received.SelectMany(p => p[RtpHeader.Size..]).ToArray(), RtpPayloadType.Pcmu);
        Assert.That(MediaTestAudio.ZeroCrossingHz(decoded), Is.EqualTo(1000).Within(10));
        ports.Return(pair);
    }
}
