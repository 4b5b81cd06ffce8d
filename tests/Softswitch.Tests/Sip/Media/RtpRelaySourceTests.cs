using System.Net;
using System.Net.Sockets;
using Softswitch.Sip.Media;

namespace Softswitch.Tests.Sip.Media;

/// <summary>
/// Who may send media into a call (issue 12 hole 2, rtpengine's "RTP bleed"): the phones both legs' SDP and
/// signalling name are on 127.0.0.1; attackers on 127.0.0.2 and 127.0.0.3 send to the relay's ports first.
/// </summary>
[NonParallelizable]
public class RtpRelaySourceTests : RtpRelayFixture
{
    [Test]
    public void A_third_address_sending_before_the_caller_gets_nothing_and_takes_nothing()
    {
        (RtpRelaySession session, Socket phoneA, Socket phoneB) = CallWithPhones("bleed-1");
        Socket attacker = Phone(Attacker);
        Socket otherAttacker = Phone(OtherAttacker);

        // Both attackers probe before either phone has sent a packet.
        Send(attacker, RelayPort(session, RtpSide.A), 3, 0xEE);
        Send(otherAttacker, RelayPort(session, RtpSide.B), 3, 0xEF);
        WaitUntil(() => session.Stats(RtpSide.A).DroppedWrongSource == 3 && session.Stats(RtpSide.B).DroppedWrongSource == 3,
            "the attackers' packets to be dropped");
        Send(phoneB, RelayPort(session, RtpSide.B), 2, 0xB0);
        List<(byte Marker, IPEndPoint From)> atA = Receive(phoneA, 2);
        Send(phoneA, RelayPort(session, RtpSide.A), 2, 0xA0);
        List<(byte Marker, IPEndPoint From)> atB = Receive(phoneB, 2);

        Assert.Multiple(() =>
        {
            Assert.That(atA.Select(p => p.Marker), Is.All.EqualTo((byte)0xB0), "the caller gets the callee's audio");
            Assert.That(atB.Select(p => p.Marker), Is.All.EqualTo((byte)0xA0), "the callee never got an attacker's packet");
            Assert.That(attacker.Available + otherAttacker.Available, Is.Zero, "nothing reached either attacker");
            Assert.That(session.Stats(RtpSide.A).LatchedRtp, Is.EqualTo(phoneA.EndPoint()));
            Assert.That(session.Stats(RtpSide.B).LatchedRtp, Is.EqualTo(phoneB.EndPoint()));
            Assert.That(session.Stats(RtpSide.A).RtpPacketsReceived, Is.EqualTo(2), "dropped packets are not counted as media");
        });
    }

    [Test]
    public void A_third_address_cannot_steal_an_established_stream_even_after_silence()
    {
        (RtpRelaySession session, Socket phoneA, Socket phoneB) = CallWithPhones("bleed-2");
        Socket attacker = Phone(Attacker);
        Send(phoneA, RelayPort(session, RtpSide.A), 1, 0xA0);
        Receive(phoneB, 1);

        Send(attacker, RelayPort(session, RtpSide.A), 2, 0xEE);
        WaitUntil(() => session.Stats(RtpSide.A).DroppedWrongSource == 2);
        Time.Advance(TimeSpan.FromMinutes(5)); // the caller falls silent (on hold, say): still not the attacker's
        Send(attacker, RelayPort(session, RtpSide.A), 2, 0xEE);
        WaitUntil(() => session.Stats(RtpSide.A).DroppedWrongSource == 4);
        Send(phoneB, RelayPort(session, RtpSide.B), 1, 0xB0);

        Assert.Multiple(() =>
        {
            Assert.That(Receive(phoneA, 1)[0].Marker, Is.EqualTo(0xB0), "the callee's audio still goes to the caller");
            Assert.That(attacker.Available, Is.Zero);
            Assert.That(session.Stats(RtpSide.A).LatchedRtp, Is.EqualTo(phoneA.EndPoint()));
        });
    }

    [Test]
    public void RTCP_from_a_third_address_is_dropped_too()
    {
        RtpRelaySession session = Relay.TryCreateSession("bleed-3")!;
        (Socket rtpA, Socket rtcpA) = LoopbackPorts.BindPair();
        (Socket rtpB, Socket rtcpB) = LoopbackPorts.BindPair();
        Track(rtpA, rtcpA, rtpB, rtcpB);
        Socket attacker = Phone(Attacker);
        session.SetRemote(RtpSide.A, rtpA.EndPoint());
        session.SetRemote(RtpSide.B, rtpB.EndPoint());

        Send(attacker, RelayPort(session, RtpSide.A, rtcp: true), 2, 0xEE);
        WaitUntil(() => session.Stats(RtpSide.A).DroppedWrongSource == 2);
        Send(rtcpB, RelayPort(session, RtpSide.B, rtcp: true), 1, 0xC9);

        Assert.Multiple(() =>
        {
            Assert.That(Receive(rtcpA, 1)[0].Marker, Is.EqualTo(0xC9), "the callee's RTCP goes to the caller's a=rtcp/port + 1");
            Assert.That(attacker.Available + rtcpB.Available, Is.Zero);
            Assert.That(session.Stats(RtpSide.A).RtcpPacketsReceived, Is.Zero);
        });
    }

    [Test]
    public void Behind_NAT_media_latches_from_the_signalling_address_on_any_port()
    {
        RtpRelaySession session = Relay.TryCreateSession("nat-1")!;
        Socket phoneA = Phone();
        Socket phoneB = Phone();
        Socket attacker = Phone(Attacker);
        // The caller's SDP names its private address; its INVITE came from 127.0.0.1 (the NAT's public side).
        session.SetRemote(RtpSide.A, new IPEndPoint(IPAddress.Parse("10.0.0.5"), 4000));
        session.SetSignallingAddress(RtpSide.A, IPAddress.Loopback);
        session.SetRemote(RtpSide.B, phoneB.EndPoint());

        Send(attacker, RelayPort(session, RtpSide.A), 1, 0xEE);
        Send(phoneA, RelayPort(session, RtpSide.A), 1, 0xA0);
        Assert.That(Receive(phoneB, 1)[0].Marker, Is.EqualTo(0xA0));
        Send(phoneB, RelayPort(session, RtpSide.B), 1, 0xB0);

        Assert.Multiple(() =>
        {
            Assert.That(Receive(phoneA, 1)[0].Marker, Is.EqualTo(0xB0), "symmetric: the callee's audio goes where the caller sends from");
            Assert.That(session.Stats(RtpSide.A).LatchedRtp, Is.EqualTo(phoneA.EndPoint()));
            Assert.That(session.Stats(RtpSide.A).DroppedWrongSource, Is.EqualTo(1));
            Assert.That(attacker.Available, Is.Zero);
        });
    }

    [Test]
    public void Strict_takes_media_only_from_the_exact_SDP_address()
    {
        BuildRelay(o => o.SourceCheck = RtpSourceCheck.Strict);
        RtpRelaySession session = Relay.TryCreateSession("strict-1")!;
        Socket phoneA = Phone();
        Socket natA = Phone(); // same IP, another port: what a NAT would send from
        Socket phoneB = Phone();
        session.SetRemote(RtpSide.A, phoneA.EndPoint());
        session.SetSignallingAddress(RtpSide.A, IPAddress.Loopback);
        session.SetRemote(RtpSide.B, phoneB.EndPoint());

        Send(natA, RelayPort(session, RtpSide.A), 2, 0xEE);
        WaitUntil(() => session.Stats(RtpSide.A).DroppedWrongSource == 2);
        Send(phoneA, RelayPort(session, RtpSide.A), 1, 0xA0);

        Assert.Multiple(() =>
        {
            Assert.That(Receive(phoneB, 1)[0].Marker, Is.EqualTo(0xA0));
            Assert.That(session.Stats(RtpSide.A).LatchedRtp, Is.EqualTo(phoneA.EndPoint()));
        });
    }

    [Test]
    public void A_silent_source_is_replaced_by_an_allowed_one_after_the_relatch_time_only()
    {
        (RtpRelaySession session, Socket phoneA, Socket phoneB) = CallWithPhones("relatch-1");
        Socket rebound = Phone(); // the caller's NAT gave it a new port mid-call
        Send(phoneA, RelayPort(session, RtpSide.A), 1, 0xA0);
        Receive(phoneB, 1);

        Time.Advance(TimeSpan.FromSeconds(4.9));
        Send(rebound, RelayPort(session, RtpSide.A), 1, 0xEE);
        WaitUntil(() => session.Stats(RtpSide.A).DroppedWrongSource == 1, "the too-early packet to be dropped");
        Time.Advance(TimeSpan.FromSeconds(0.1)); // 5 s of silence from the latched port: the default
        Send(rebound, RelayPort(session, RtpSide.A), 1, 0xA1);
        Assert.That(Receive(phoneB, 1)[0].Marker, Is.EqualTo(0xA1));
        Send(phoneB, RelayPort(session, RtpSide.B), 1, 0xB0);

        Assert.Multiple(() =>
        {
            Assert.That(Receive(rebound, 1)[0].Marker, Is.EqualTo(0xB0), "the callee's audio follows the new port");
            Assert.That(session.Stats(RtpSide.A).LatchedRtp, Is.EqualTo(rebound.EndPoint()));
            Assert.That(phoneA.Available, Is.Zero);
        });
    }

    [Test]
    public void Relatch_time_zero_never_replaces_a_latched_source()
    {
        BuildRelay(o => o.RelatchAfterSilenceSeconds = 0);
        (RtpRelaySession session, Socket phoneA, Socket phoneB) = CallWithPhones("relatch-2");
        Socket rebound = Phone();
        Send(phoneA, RelayPort(session, RtpSide.A), 1);
        Receive(phoneB, 1);

        Time.Advance(TimeSpan.FromHours(1));
        Send(rebound, RelayPort(session, RtpSide.A), 1);

        WaitUntil(() => session.Stats(RtpSide.A).DroppedWrongSource == 1);
        Assert.That(session.Stats(RtpSide.A).LatchedRtp, Is.EqualTo(phoneA.EndPoint()));
    }

    [Test]
    public void The_relay_counts_foreign_packets_across_calls_including_ended_ones()
    {
        RtpRelaySession first = Relay.TryCreateSession("count-1")!;
        RtpRelaySession second = Relay.TryCreateSession("count-2")!;
        Socket attacker = Phone(Attacker);

        Send(attacker, RelayPort(first, RtpSide.A), 2);
        Send(attacker, RelayPort(second, RtpSide.B), 3);
        WaitUntil(() => Relay.DroppedWrongSource == 5);
        first.Dispose();

        Assert.Multiple(() =>
        {
            Assert.That(Relay.DroppedWrongSource, Is.EqualTo(5));
            Assert.That(second.Stats(RtpSide.B).DroppedWrongSource, Is.EqualTo(3));
        });
    }

    /// <summary>A flood from a third address costs no allocation per packet either (STYLE "Hot paths").</summary>
    [Test]
    public void Dropping_foreign_packets_does_not_allocate_per_packet()
    {
        (RtpRelaySession session, Socket phoneA, Socket phoneB) = CallWithPhones("flood-1");
        Socket attacker = Phone(Attacker);
        SocketAddress toRelay = RelayPort(session, RtpSide.A).Serialize();
        byte[] packet = new byte[PacketSize];
        byte[] sink = new byte[2048];
        var from = new SocketAddress(AddressFamily.InterNetwork);
        double perIteration = AllocatedPerIteration(3000, () =>
        {
            attacker.SendTo(packet, SocketFlags.None, toRelay);
            // The caller's packet behind it on the same socket: once it is through, the attacker's was handled.
            phoneA.SendTo(packet, SocketFlags.None, toRelay);
            phoneB.ReceiveFrom(sink, SocketFlags.None, from);
        });

        Assert.Multiple(() =>
        {
            Assert.That(perIteration, Is.LessThan(8.0), "bytes per dropped and forwarded packet pair");
            Assert.That(session.Stats(RtpSide.A).DroppedWrongSource, Is.EqualTo(9500));
        });
    }
}
