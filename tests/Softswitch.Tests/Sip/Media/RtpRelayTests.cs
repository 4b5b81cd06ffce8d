using System.Net;
using System.Net.Sockets;
using Softswitch.Sip.Media;

namespace Softswitch.Tests.Sip.Media;

/// <summary>
/// The relay end to end on loopback, with plain sockets playing the two phones: forwarding both ways, symmetric
/// latching, exact counters, drops, RTCP on + 1, and ports back in the pool after Dispose.
/// </summary>
[NonParallelizable]
public class RtpRelayTests : RtpRelayFixture
{
    [Test]
    public void Packets_flow_both_ways_and_side_A_latches_to_its_real_port()
    {
        RtpRelaySession session = Relay.TryCreateSession("call-1")!;
        Socket phoneA = Phone();
        Socket phoneB = Phone();
        // Phone A is behind NAT: its SDP names a port it does not send from.
        session.SetRemote(RtpSide.A, new IPEndPoint(IPAddress.Loopback, 9));
        session.SetRemote(RtpSide.B, phoneB.EndPoint());

        Send(phoneA, RelayPort(session, RtpSide.A), 5, 0xA0);
        List<(byte Marker, IPEndPoint From)> atB = Receive(phoneB, 5);
        Send(phoneB, RelayPort(session, RtpSide.B), 7, 0xB0);
        List<(byte Marker, IPEndPoint From)> atA = Receive(phoneA, 7);
        WaitUntil(() => session.Stats(RtpSide.A).RtpPacketsSent == 7 && session.Stats(RtpSide.B).RtpPacketsSent == 5);

        RtpFlowStats a = session.Stats(RtpSide.A);
        RtpFlowStats b = session.Stats(RtpSide.B);
        Assert.Multiple(() =>
        {
            Assert.That(atB.All(p => p.Marker == 0xA0 && p.From.Port == session.LocalPort(RtpSide.B)), Is.True);
            Assert.That(atA.All(p => p.Marker == 0xB0 && p.From.Port == session.LocalPort(RtpSide.A)), Is.True);
            Assert.That(a.LatchedRtp, Is.EqualTo(phoneA.EndPoint()));
            Assert.That(b.LatchedRtp, Is.EqualTo(phoneB.EndPoint()));
            Assert.That((a.RtpPacketsReceived, a.RtpBytesReceived), Is.EqualTo((5L, 5L * PacketSize)));
            Assert.That((a.RtpPacketsSent, a.RtpBytesSent), Is.EqualTo((7L, 7L * PacketSize)));
            Assert.That((b.RtpPacketsReceived, b.RtpBytesReceived), Is.EqualTo((7L, 7L * PacketSize)));
            Assert.That((b.RtpPacketsSent, b.RtpBytesSent), Is.EqualTo((5L, 5L * PacketSize)));
            Assert.That(a.DroppedNoRemote + a.DroppedWrongSource + b.DroppedNoRemote + b.DroppedWrongSource, Is.Zero);
            Assert.That(a.FirstReceivedAt, Is.EqualTo(Time.GetUtcNow()));
            Assert.That(session.LastPacketAt(), Is.EqualTo(Time.GetUtcNow()));
        });
    }

    [Test]
    public void Packets_before_the_other_side_is_known_are_dropped_and_counted()
    {
        RtpRelaySession session = Relay.TryCreateSession("call-2")!;
        Socket phoneA = Phone();
        Socket phoneB = Phone();
        // Only the signalling is known so far (no SDP from either side yet).
        session.SetSignallingAddress(RtpSide.A, IPAddress.Loopback);
        session.SetSignallingAddress(RtpSide.B, IPAddress.Loopback);

        Send(phoneA, RelayPort(session, RtpSide.A), 3);
        WaitUntil(() => session.Stats(RtpSide.A).DroppedNoRemote == 3);
        // B's first packet latches B (from its signalling address, no SDP needed), after which A's packets reach it.
        Send(phoneB, RelayPort(session, RtpSide.B), 1);
        Receive(phoneA, 1);
        Send(phoneA, RelayPort(session, RtpSide.A), 2);
        Receive(phoneB, 2);
        // Counted just after the send, so the phone can see the packet before the counter moves.
        WaitUntil(() => session.Stats(RtpSide.B).RtpPacketsSent == 2);

        RtpFlowStats a = session.Stats(RtpSide.A);
        Assert.Multiple(() =>
        {
            Assert.That(a.RtpPacketsReceived, Is.EqualTo(5));
            Assert.That(a.DroppedNoRemote, Is.EqualTo(3));
            Assert.That(a.DroppedWrongSource, Is.Zero);
            Assert.That(session.Stats(RtpSide.B).RtpPacketsSent, Is.EqualTo(2));
        });
    }

    [Test]
    public void Packets_from_another_port_of_the_same_address_do_not_take_a_live_stream()
    {
        RtpRelaySession session = Relay.TryCreateSession("call-3")!;
        Socket phoneA = Phone();
        Socket phoneB = Phone();
        Socket intruder = Phone(); // same IP as the caller's signalling: allowed to latch, not to take over
        session.SetSignallingAddress(RtpSide.A, IPAddress.Loopback);
        session.SetRemote(RtpSide.B, phoneB.EndPoint());

        Send(phoneA, RelayPort(session, RtpSide.A), 1, 0xA0);
        Receive(phoneB, 1);
        Send(intruder, RelayPort(session, RtpSide.A), 4, 0xEE);
        WaitUntil(() => session.Stats(RtpSide.A).DroppedWrongSource == 4);
        Send(phoneA, RelayPort(session, RtpSide.A), 1, 0xA1);

        Assert.Multiple(() =>
        {
            Assert.That(Receive(phoneB, 1)[0].Marker, Is.EqualTo(0xA1), "the intruder's packets never arrived");
            Assert.That(session.Stats(RtpSide.A).RtpPacketsReceived, Is.EqualTo(2));
        });
    }

    [Test]
    public void New_address_from_SDP_releases_the_latch()
    {
        RtpRelaySession session = Relay.TryCreateSession("call-4")!;
        Socket phoneA = Phone();
        Socket movedA = Phone();
        Socket phoneB = Phone();
        session.SetRemote(RtpSide.A, phoneA.EndPoint());
        session.SetRemote(RtpSide.B, phoneB.EndPoint());
        Send(phoneA, RelayPort(session, RtpSide.A), 1);
        Receive(phoneB, 1);

        session.SetRemote(RtpSide.A, phoneA.EndPoint());
        Send(movedA, RelayPort(session, RtpSide.A), 1);
        WaitUntil(() => session.Stats(RtpSide.A).DroppedWrongSource == 1);
        session.SetRemote(RtpSide.A, movedA.EndPoint());
        Send(movedA, RelayPort(session, RtpSide.A), 1, 0xA2);

        Assert.Multiple(() =>
        {
            Assert.That(Receive(phoneB, 1)[0].Marker, Is.EqualTo(0xA2));
            Assert.That(session.Stats(RtpSide.A).LatchedRtp, Is.EqualTo(movedA.EndPoint()));
        });
    }

    [Test]
    public void RTCP_isRelayed_between_the_odd_ports_to_RTP_port_plus_one()
    {
        RtpRelaySession session = Relay.TryCreateSession("call-5")!;
        (Socket rtpA, Socket rtcpA) = LoopbackPorts.BindPair();
        (Socket rtpB, Socket rtcpB) = LoopbackPorts.BindPair();
        Track(rtpA, rtcpA, rtpB, rtcpB);
        session.SetRemote(RtpSide.A, rtpA.EndPoint());
        session.SetRemote(RtpSide.B, rtpB.EndPoint());

        Send(rtcpA, RelayPort(session, RtpSide.A, rtcp: true), 2, 0xC8);
        List<(byte Marker, IPEndPoint From)> atB = Receive(rtcpB, 2);
        Send(rtcpB, RelayPort(session, RtpSide.B, rtcp: true), 1, 0xC9);
        List<(byte Marker, IPEndPoint From)> atA = Receive(rtcpA, 1);
        WaitUntil(() => session.Stats(RtpSide.A).RtcpPacketsSent == 1 && session.Stats(RtpSide.B).RtcpPacketsSent == 2);

        Assert.Multiple(() =>
        {
            Assert.That(atB[0].From.Port, Is.EqualTo(session.LocalPort(RtpSide.B) + 1));
            Assert.That(atA[0], Is.EqualTo(((byte)0xC9, RelayPort(session, RtpSide.A, rtcp: true))));
            Assert.That(session.Stats(RtpSide.A).RtcpPacketsReceived, Is.EqualTo(2));
            Assert.That(session.Stats(RtpSide.B).RtcpPacketsSent, Is.EqualTo(2));
            Assert.That(session.Stats(RtpSide.A).RtpPacketsReceived, Is.Zero, "RTCP is not counted as RTP");
            Assert.That(session.Stats(RtpSide.A).LatchedRtcp, Is.EqualTo(rtcpA.EndPoint()));
        });
    }

    [Test]
    public void Explicit_RTCP_address_from_a_rtcp_is_used()
    {
        RtpRelaySession session = Relay.TryCreateSession("call-6")!;
        Socket phoneA = Phone();
        Socket rtpB = Phone();
        Socket rtcpB = Phone();
        session.SetSignallingAddress(RtpSide.A, IPAddress.Loopback);
        session.SetRemote(RtpSide.B, rtpB.EndPoint(), rtcpB.EndPoint());

        Send(phoneA, RelayPort(session, RtpSide.A, rtcp: true), 1, 0xC8);

        Assert.That(Receive(rtcpB, 1)[0].Marker, Is.EqualTo(0xC8));
    }

    [Test]
    public void Duration_and_media_idle_follow_the_clock()
    {
        RtpRelaySession session = Relay.TryCreateSession("call-7")!;
        Socket phoneA = Phone();
        Socket phoneB = Phone();
        session.SetSignallingAddress(RtpSide.A, IPAddress.Loopback);
        session.SetRemote(RtpSide.B, phoneB.EndPoint());

        Send(phoneA, RelayPort(session, RtpSide.A), 1);
        Receive(phoneB, 1);
        Time.Advance(TimeSpan.FromSeconds(2));
        Send(phoneA, RelayPort(session, RtpSide.A), 1);
        Receive(phoneB, 1);
        WaitUntil(() => session.Stats(RtpSide.B).RtpPacketsSent == 2);
        Time.Advance(TimeSpan.FromSeconds(30));

        Assert.Multiple(() =>
        {
            Assert.That(session.Stats(RtpSide.A).ReceivedDuration, Is.EqualTo(TimeSpan.FromSeconds(2)));
            Assert.That(session.MediaIdle(RtpSide.A, MediaCheckDirection.Received), Is.EqualTo(TimeSpan.FromSeconds(30)));
            Assert.That(session.MediaIdle(RtpSide.B, MediaCheckDirection.Sent), Is.EqualTo(TimeSpan.FromSeconds(30)));
            Assert.That(session.MediaIdle(RtpSide.B, MediaCheckDirection.Received), Is.EqualTo(TimeSpan.FromSeconds(32)), "never received: since creation");
            Assert.That(session.MediaIdle(RtpSide.A, MediaCheckDirection.Both), Is.EqualTo(TimeSpan.FromSeconds(32)), "nothing ever sent to A");
            Assert.That(session.MediaIdle(RtpSide.A, MediaCheckDirection.None), Is.EqualTo(TimeSpan.Zero));
            Assert.That(session.LastPacketAt(RtpSide.B), Is.Null);
        });
    }

    [Test]
    public void Dispose_returns_the_ports_and_ends_the_session()
    {
        int available = Relay.Ports.Available;
        RtpRelaySession session = Relay.TryCreateSession("call-8")!;
        int portA = session.LocalPort(RtpSide.A);
        int portB = session.LocalPort(RtpSide.B);
        Assert.Multiple(() =>
        {
            Assert.That(Relay.ActiveSessions, Is.EqualTo(1));
            Assert.That(Relay.Ports.Available, Is.EqualTo(available - 2));
            Assert.That(portA, Is.Not.EqualTo(portB));
        });

        session.Dispose();
        session.Dispose();

        Assert.Multiple(() =>
        {
            Assert.That(Relay.ActiveSessions, Is.Zero);
            Assert.That(Relay.Ports.Available, Is.EqualTo(available));
            Assert.That(LoopbackPorts.IsFree(portA) && LoopbackPorts.IsFree(portA + 1), Is.True);
            Assert.That(LoopbackPorts.IsFree(portB) && LoopbackPorts.IsFree(portB + 1), Is.True);
        });
    }

    [Test]
    public void Exhausted_range_gives_no_session_and_leaks_nothing()
    {
        var sessions = new List<RtpRelaySession>();
        while (Relay.TryCreateSession("fill") is { } s)
        {
            sessions.Add(s);
        }

        Assert.Multiple(() =>
        {
            Assert.That(sessions, Has.Count.EqualTo(4), "16 ports = 8 pairs = 4 sessions");
            Assert.That(Relay.Ports.Available, Is.Zero);
        });
        sessions.ForEach(s => s.Dispose());
        Assert.That(Relay.Ports.Available, Is.EqualTo(8));
    }

    [Test]
    public void Wrong_address_family_is_refused()
    {
        RtpRelaySession session = Relay.TryCreateSession("call-9")!;

        Assert.Multiple(() =>
        {
            Assert.That(session.SetRemote(RtpSide.A, new IPEndPoint(IPAddress.IPv6Loopback, 4000)), Is.False);
            Assert.That(session.SetSignallingAddress(RtpSide.A, IPAddress.IPv6Loopback), Is.False);
            Assert.That(session.SetSignallingAddress(RtpSide.A, IPAddress.Loopback.MapToIPv6()), Is.True, "IPv4-mapped counts as IPv4");
        });
    }

    /// <summary>Forwarding allocates nothing per packet (STYLE "Hot paths"); a few latches and timers may.</summary>
    [Test]
    public void Forwarding_does_not_allocate_per_packet()
    {
        (RtpRelaySession session, Socket phoneA, Socket phoneB) = CallWithPhones("call-10");
        SocketAddress toRelay = RelayPort(session, RtpSide.A).Serialize();
        byte[] packet = new byte[PacketSize];
        byte[] sink = new byte[2048];
        var from = new SocketAddress(AddressFamily.InterNetwork);
        double perPacket = AllocatedPerIteration(5000, () =>
        {
            phoneA.SendTo(packet, SocketFlags.None, toRelay);
            phoneB.ReceiveFrom(sink, SocketFlags.None, from);
        });

        Assert.That(perPacket, Is.LessThan(8.0), "bytes per forwarded packet");
    }
}
