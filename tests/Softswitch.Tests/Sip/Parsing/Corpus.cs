using System.Text;

namespace Softswitch.Tests.Sip.Parsing;

/// <summary>Message corpora shared by the parser test fixtures (files under Data/torture, plus typical traffic).</summary>
internal static class Corpus
{
    public static string TortureDirectory => Path.Combine(TestContext.CurrentContext.TestDirectory, "Data", "torture");

    public static IEnumerable<string> Names(string folder) =>
        Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "Data", "torture", folder), "*.dat")
            .Select(Path.GetFileNameWithoutExtension)
            .Order(StringComparer.Ordinal)!;

    public static byte[] Read(string folder, string name) =>
        File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Data", "torture", folder, name + ".dat"));

    public static byte[] Crlf(string text) => Encoding.UTF8.GetBytes(text.Replace("\r\n", "\n").Replace("\n", "\r\n"));

    public const string Sdp =
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
        "a=sendrecv\n";

    /// <summary>A typical ~1 KB INVITE with SDP, as a softphone sends it.</summary>
    public static byte[] Invite()
    {
        byte[] sdp = Crlf(Sdp);
        return Crlf(
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
            $"Content-Length: {sdp.Length}\n\n").Concat(sdp).ToArray();
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

    /// <summary>Every corpus message that parses: typical traffic plus the valid torture messages.</summary>
    public static IEnumerable<TestCaseData> ValidMessages()
    {
        yield return new TestCaseData(Invite()).SetArgDisplayNames("invite");
        yield return new TestCaseData(Ok()).SetArgDisplayNames("200ok");
        yield return new TestCaseData(Register()).SetArgDisplayNames("register");
        foreach (string name in Names("valid"))
        {
            yield return new TestCaseData(Read("valid", name)).SetArgDisplayNames(name);
        }
    }
}
