using System.Net;
using System.Text;
using Softswitch.Sip.Sdp;

namespace Softswitch.Tests.Sip.Sdp;

/// <summary>RFC 4566 parsing: real offers round-trip byte for byte; the typed views read what RFC 3264 needs.</summary>
public class SdpParserTests
{
    private static SdpSession Parse(string text)
    {
        SdpParseResult result = SdpParser.Parse(Encoding.UTF8.GetBytes(text));
        Assert.That(result.Success, Is.True, () => $"{result.Error}: {result.Detail}");
        return result.Session!;
    }

    [TestCaseSource(typeof(SdpSamples), nameof(SdpSamples.All))]
    public void Round_trips_exactly(string text)
    {
        SdpSession session = Parse(text);

        Assert.Multiple(() =>
        {
            Assert.That(session.ToString(), Is.EqualTo(text));
            Assert.That(session.ToBytes(), Is.EqualTo(Encoding.UTF8.GetBytes(text)));
            var writer = new System.Buffers.ArrayBufferWriter<byte>();
            session.WriteTo(writer);
            Assert.That(writer.WrittenSpan.ToArray(), Is.EqualTo(Encoding.UTF8.GetBytes(text)));
            Assert.That(SdpParser.Parse(text).Session!.ToString(), Is.EqualTo(text), "string overload");
        });
    }

    [Test]
    public void Bare_LF_is_accepted_and_written_back_with_CRLF()
    {
        SdpSession session = Parse(SdpSamples.Sipp.Replace("\r\n", "\n", StringComparison.Ordinal));

        Assert.That(session.ToString(), Is.EqualTo(SdpSamples.Sipp));
    }

    [Test]
    public void Trailing_empty_lines_are_ignored()
    {
        Assert.That(Parse(SdpSamples.Sipp + "\r\n\r\n").ToString(), Is.EqualTo(SdpSamples.Sipp));
    }

    [Test]
    public void Reads_origin_name_connection_and_media_line()
    {
        SdpSession s = Parse(SdpSamples.Baresip);
        SdpMedia audio = s.Media[0];

        Assert.Multiple(() =>
        {
            Assert.That(s.Origin, Is.EqualTo(new SdpOrigin("-", "1180186427", 2118813165, "IN", "IP4", "192.168.1.20")));
            Assert.That(s.SessionName, Is.EqualTo("-"));
            Assert.That(s.Connection!.IpAddress, Is.EqualTo(IPAddress.Parse("192.168.1.20")));
            Assert.That(audio.MediaType, Is.EqualTo("audio"));
            Assert.That(audio.Port, Is.EqualTo(10768));
            Assert.That(audio.Protocol, Is.EqualTo("RTP/AVP"));
            Assert.That(audio.PayloadTypes, Is.EqualTo(new[] { 0, 8, 101 }));
            Assert.That(audio.RtcpPort, Is.EqualTo(10769));
            Assert.That(audio.Attribute("label"), Is.EqualTo("1"));
            Assert.That(audio.Attribute("rtcp-rsize"), Is.Empty);
            Assert.That(audio.Attribute("absent"), Is.Null);
            Assert.That(s.RtpEndPointOf(audio), Is.EqualTo(IPEndPoint.Parse("192.168.1.20:10768")));
            Assert.That(s.RtcpEndPointOf(audio), Is.EqualTo(IPEndPoint.Parse("192.168.1.20:10769")));
        });
    }

    [Test]
    public void Codec_names_come_from_rtpmap_or_the_static_table()
    {
        SdpMedia linphone = Parse(SdpSamples.Linphone).Media[0];
        SdpMedia ipv6 = Parse(SdpSamples.Ipv6).Media[0];

        Assert.Multiple(() =>
        {
            Assert.That(linphone.Codec(96), Is.EqualTo(new SdpCodec(96, "opus", 48000, 2)));
            Assert.That(linphone.Codec(18)!.Name, Is.EqualTo("G729"), "static, fmtp only");
            Assert.That(linphone.Codec(100)!.IsTelephoneEvent, Is.True);
            Assert.That(linphone.Codecs.Select(c => c.Name), Is.EqualTo(new[]
            {
                "opus", "speex", "speex", "PCMU", "PCMA", "G729", "telephone-event", "telephone-event", "telephone-event",
            }));
            Assert.That(ipv6.Codecs.Select(c => c.Name), Is.EqualTo(new[] { "G722", "PCMU", "PCMA", "telephone-event" }));
            Assert.That(SdpStaticPayloadTypes.Lookup(3)!.Name, Is.EqualTo("GSM"));
            Assert.That(SdpStaticPayloadTypes.Lookup(4)!.Name, Is.EqualTo("G723"));
            Assert.That(SdpStaticPayloadTypes.Lookup(13)!.IsComfortNoise, Is.True);
            Assert.That(SdpStaticPayloadTypes.Lookup(96), Is.Null);
            Assert.That(linphone.Codec(120), Is.Null);
        });
    }

    [Test]
    public void Media_level_connection_overrides_the_session_one()
    {
        SdpSession gateway = Parse(SdpSamples.MediaLevelConnection);
        SdpSession baresip = Parse(SdpSamples.Baresip);

        Assert.Multiple(() =>
        {
            Assert.That(gateway.Connection, Is.Null);
            Assert.That(gateway.ConnectionOf(gateway.Media[0])!.Address, Is.EqualTo("203.0.113.10"));
            Assert.That(baresip.ConnectionOf(baresip.Media[0])!.Address, Is.EqualTo("192.168.1.20"));
            Assert.That(gateway.FirstActiveAudio, Is.SameAs(gateway.Media[0]));
            Assert.That(gateway.RtpEndPointOf(gateway.Media[1]), Is.Null, "rejected stream");
        });
    }

    [Test]
    public void IPv6_connection_is_parsed()
    {
        SdpSession s = Parse(SdpSamples.Ipv6);

        Assert.That(s.RtpEndPointOf(s.Media[0]), Is.EqualTo(new IPEndPoint(IPAddress.Parse("2001:db8::1"), 5004)));
    }

    [Test]
    public void Direction_defaults_to_sendrecv_and_media_level_wins()
    {
        SdpSession sipp = Parse(SdpSamples.Sipp);
        SdpSession gateway = Parse(SdpSamples.MediaLevelConnection);
        SdpSession inactive = Parse(SdpSamples.Sipp + "a=inactive\r\n");
        SdpSession sendonlyOverSession = Parse(SdpSamples.MediaLevelConnection.Replace(
            "a=x-vendor:thing", "a=sendonly", StringComparison.Ordinal));

        Assert.Multiple(() =>
        {
            Assert.That(sipp.DirectionOf(sipp.Media[0]), Is.EqualTo(SdpDirection.SendRecv));
            Assert.That(gateway.DirectionOf(gateway.Media[0]), Is.EqualTo(SdpDirection.RecvOnly), "session level");
            Assert.That(inactive.DirectionOf(inactive.Media[0]), Is.EqualTo(SdpDirection.Inactive));
            Assert.That(sendonlyOverSession.DirectionOf(sendonlyOverSession.Media[0]), Is.EqualTo(SdpDirection.SendOnly));
        });
    }

    [Test]
    public void Hold_is_detected_from_null_address_sendonly_or_inactive()
    {
        SdpSession sipp = Parse(SdpSamples.Sipp);
        SdpSession nullAddress = Parse(SdpSamples.HoldNullAddress);
        SdpSession sendonly = Parse(SdpSamples.Sipp + "a=sendonly\r\n");
        SdpSession inactive = Parse(SdpSamples.Sipp + "a=inactive\r\n");
        SdpSession recvonly = Parse(SdpSamples.Sipp + "a=recvonly\r\n");

        Assert.Multiple(() =>
        {
            Assert.That(sipp.IsOnHold(sipp.Media[0]), Is.False);
            Assert.That(nullAddress.IsOnHold(nullAddress.Media[0]), Is.True);
            Assert.That(nullAddress.RtpEndPointOf(nullAddress.Media[0]), Is.Null);
            Assert.That(sendonly.IsOnHold(sendonly.Media[0]), Is.True);
            Assert.That(inactive.IsOnHold(inactive.Media[0]), Is.True);
            Assert.That(recvonly.IsOnHold(recvonly.Media[0]), Is.False);
        });
    }

    [Test]
    public void Setting_the_port_rewrites_only_the_m_line()
    {
        SdpSession s = Parse(SdpSamples.Sipp);

        s.Media[0].Port = 20000;

        Assert.That(s.ToString(), Is.EqualTo(SdpSamples.Sipp.Replace("m=audio 6000", "m=audio 20000", StringComparison.Ordinal)));
    }

    [Test]
    public void Clone_is_independent()
    {
        SdpSession s = Parse(SdpSamples.Sipp);
        SdpSession copy = s.Clone();

        copy.Media[0].Port = 1234;

        Assert.That(s.Media[0].Port, Is.EqualTo(6000));
    }
}
