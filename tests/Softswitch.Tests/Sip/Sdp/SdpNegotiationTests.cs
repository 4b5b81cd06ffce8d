using Softswitch.Sip.Sdp;
using static Softswitch.Tests.Sip.Sdp.SdpSamples;

namespace Softswitch.Tests.Sip.Sdp;

/// <summary>The codec the offer/answer settled on (RFC 3264 §6.1), as VOS3000 callCodec reports it.</summary>
public class SdpNegotiationTests
{
    private static SdpSession Answer(string mediaLine, params string[] attributes) => SdpParser.Parse(Crlf(
        ["v=0", "o=bob 1 1 IN IP4 10.0.0.2", "s=-", "c=IN IP4 10.0.0.2", "t=0 0", mediaLine, .. attributes])).Session!;

    [Test]
    public void First_codec_of_the_answer()
    {
        SdpSession offer = SdpParser.Parse(Baresip).Session!;

        SdpCodec? codec = SdpNegotiation.NegotiatedCodec(offer, Answer("m=audio 4000 RTP/AVP 8 101", "a=rtpmap:101 telephone-event/8000"));

        Assert.That(codec!.Name, Is.EqualTo("PCMA"));
    }

    [Test]
    public void Telephone_event_and_CN_are_skipped()
    {
        SdpCodec? codec = SdpNegotiation.NegotiatedCodec(null, Answer("m=audio 4000 RTP/AVP 101 13 18", "a=rtpmap:101 telephone-event/8000"));

        Assert.That(codec!.Name, Is.EqualTo("G729"));
    }

    [Test]
    public void Dynamic_type_without_rtpmap_is_named_by_the_offer()
    {
        SdpSession offer = SdpParser.Parse(Linphone).Session!;

        SdpCodec? codec = SdpNegotiation.NegotiatedCodec(offer, Answer("m=audio 4000 RTP/AVP 96"));

        Assert.That(codec, Is.EqualTo(new SdpCodec(96, "opus", 48000, 2)));
    }

    [Test]
    public void Rejected_audio_gives_no_codec()
    {
        Assert.That(SdpNegotiation.NegotiatedCodec(null, Answer("m=audio 0 RTP/AVP 0")), Is.Null);
    }

    [Test]
    public void Codec_list_names_the_first_audio_stream()
    {
        Assert.That(SdpNegotiation.CodecList(SdpParser.Parse(Baresip).Session!), Is.EqualTo("PCMU,PCMA,telephone-event"));
    }
}
