using System.Buffers;
using System.Text;
using BenchmarkDotNet.Attributes;
using Softswitch.Sip.Messages;
using Softswitch.Sip.Parsing;

namespace Softswitch.Bench.Sip;

/// <summary>The parser and serializer on typical traffic: a ~1 KB INVITE with SDP, a 200 OK, a REGISTER.</summary>
[MemoryDiagnoser]
public class SipParserBenchmarks
{
    private readonly byte[] _invite = Messages.Invite();
    private readonly byte[] _ok = Messages.Ok();
    private readonly byte[] _register = Messages.Register();
    private readonly ArrayBufferWriter<byte> _writer = new(2048);
    private SipMessage _parsedInvite = null!;

    [GlobalSetup]
    public void Setup()
    {
        _parsedInvite = SipParser.Parse(_invite, SipParserLimits.Default).Message
            ?? throw new InvalidOperationException("benchmark INVITE does not parse");
    }

    [Benchmark]
    public SipMessage? ParseInvite() => SipParser.Parse(_invite, SipParserLimits.Default).Message;

    [Benchmark]
    public SipMessage? ParseOk() => SipParser.Parse(_ok, SipParserLimits.Default).Message;

    [Benchmark]
    public SipMessage? ParseRegister() => SipParser.Parse(_register, SipParserLimits.Default).Message;

    /// <summary>Parse plus the reads a transaction layer makes at once: branch, Call-ID, CSeq.</summary>
    [Benchmark]
    public string? ParseInviteAndReadKeys()
    {
        SipMessage m = SipParser.Parse(_invite, SipParserLimits.Default).Message!;
        return m.TopVia.Branch + m.CallId + m.CSeq.Number;
    }

    [Benchmark]
    public int SerializeInvite()
    {
        _writer.ResetWrittenCount();
        SipSerializer.Write(_parsedInvite, _writer);
        return _writer.WrittenCount;
    }

    [Benchmark]
    public SipFrameStatus FrameInvite() => SipParser.TryFrame(_invite, SipParserLimits.Default, out _, out _, out _);
}

internal static class Messages
{
    private static byte[] Crlf(string text) => Encoding.UTF8.GetBytes(text.Replace("\n", "\r\n"));

    public static byte[] Invite()
    {
        byte[] sdp = Crlf(
            "v=0\n" +
            "o=alice 2890844526 2890844526 IN IP4 192.0.2.10\n" +
            "s=call\n" +
            "c=IN IP4 192.0.2.10\n" +
            "t=0 0\n" +
            "m=audio 49170 RTP/AVP 0 8 18 101\n" +
            "a=rtpmap:0 PCMU/8000\n" +
            "a=rtpmap:8 PCMA/8000\n" +
            "a=rtpmap:18 G729/8000\n" +
            "a=fmtp:18 annexb=no\n" +
            "a=rtpmap:101 telephone-event/8000\n" +
            "a=fmtp:101 0-16\n" +
            "a=ptime:20\n" +
            "a=sendrecv\n");
        return
        [
            .. Crlf(
                "INVITE sip:+8613800138000@softswitch.example.com;user=phone SIP/2.0\n" +
                "Via: SIP/2.0/UDP 192.0.2.10:5060;branch=z9hG4bK776asdhds;rport\n" +
                "Max-Forwards: 70\n" +
                "To: <sip:+8613800138000@softswitch.example.com;user=phone>\n" +
                "From: \"Alice\" <sip:1001@softswitch.example.com>;tag=1928301774\n" +
                "Call-ID: a84b4c76e66710@pc33.example.com\n" +
                "CSeq: 314159 INVITE\n" +
                "Contact: <sip:1001@192.0.2.10:5060;transport=udp>\n" +
                "Allow: INVITE, ACK, CANCEL, BYE, OPTIONS, INFO, UPDATE, PRACK, REFER, NOTIFY\n" +
                "Supported: replaces, timer, 100rel\n" +
                "Session-Expires: 1800;refresher=uac\n" +
                "Min-SE: 90\n" +
                "User-Agent: ExamplePhone/5.2.1 (build 1234)\n" +
                "Content-Type: application/sdp\n" +
                $"Content-Length: {sdp.Length}\n\n"),
            .. sdp,
        ];
    }

    public static byte[] Ok() => Crlf(
        "SIP/2.0 200 OK\n" +
        "Via: SIP/2.0/UDP 192.0.2.10:5060;branch=z9hG4bK776asdhds;rport=5060;received=192.0.2.10\n" +
        "To: <sip:+8613800138000@softswitch.example.com;user=phone>;tag=a6c85cf\n" +
        "From: \"Alice\" <sip:1001@softswitch.example.com>;tag=1928301774\n" +
        "Call-ID: a84b4c76e66710@pc33.example.com\n" +
        "CSeq: 314159 INVITE\n" +
        "Contact: <sip:gw@198.51.100.7:5060>\n" +
        "Content-Length: 0\n\n");

    public static byte[] Register() => Crlf(
        "REGISTER sip:softswitch.example.com SIP/2.0\n" +
        "Via: SIP/2.0/UDP 192.0.2.10:5060;branch=z9hG4bKnashds7;rport\n" +
        "Max-Forwards: 70\n" +
        "To: <sip:1001@softswitch.example.com>\n" +
        "From: <sip:1001@softswitch.example.com>;tag=456248\n" +
        "Call-ID: 843817637684230@998sdasdh09\n" +
        "CSeq: 1826 REGISTER\n" +
        "Contact: <sip:1001@192.0.2.10:5060>;expires=3600\n" +
        "Expires: 3600\n" +
        "Authorization: Digest username=\"1001\", realm=\"softswitch\", nonce=\"ea9c8e88df84f1cec4341ae6cbe5a359\", uri=\"sip:softswitch.example.com\", response=\"dfe56131d1958046689d83306477ecc\", algorithm=MD5\n" +
        "Content-Length: 0\n\n");
}
