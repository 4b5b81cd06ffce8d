using System.Text;
using Softswitch.Sip.Messages;
using Softswitch.Sip.Parsing;

namespace Softswitch.Tests.Sip.Parsing;

public sealed class SipSerializerTests
{
    public static IEnumerable<TestCaseData> Messages() => Corpus.ValidMessages();

    [TestCaseSource(nameof(Messages))]
    public void ParseSerializeParseRoundTrips(byte[] original)
    {
        SipMessage first = SipParser.Parse(original, SipParserLimits.Default).Message!;

        byte[] wire = SipSerializer.ToBytes(first);
        var again = SipParser.Parse(wire, SipParserLimits.Default);

        Assert.That(again.Error, Is.EqualTo(SipParseError.None), again.Detail);
        SipMessage second = again.Message!;
        Assert.Multiple(() =>
        {
            Assert.That(second.ToString(), Is.EqualTo(first.ToString()));
            Assert.That(second.Body.ToArray(), Is.EqualTo(first.Body.ToArray()));
            Assert.That(Fields(second), Is.EqualTo(Fields(first)));
            Assert.That(SipSerializer.ToBytes(second), Is.EqualTo(wire), "serializing is stable");
        });
    }

    [Test]
    public void ContentLengthIsWrittenFromTheBody()
    {
        var response = new SipResponse(200, "OK");
        response.Headers.Add(HeaderKind.ContentLength, "999");
        response.Headers.Add("X-Custom", "a");
        response.Body = "hello"u8.ToArray();

        string text = Encoding.UTF8.GetString(SipSerializer.ToBytes(response));

        Assert.That(text, Is.EqualTo("SIP/2.0 200 OK\r\nX-Custom: a\r\nContent-Length: 5\r\n\r\nhello"));
    }

    [Test]
    public void CompactNamesBecomeCanonicalAndUnknownNamesKeepTheirSpelling()
    {
        byte[] data = Corpus.Crlf("OPTIONS sip:a@b.example SIP/2.0\nv: SIP/2.0/UDP h;branch=z9hG4bK1\nf: <sip:a@b.example>;tag=1\n" +
            "t: <sip:a@b.example>\ni: x@y\nCSeq: 1 OPTIONS\nx-MiXeD: v\nl: 0\n\n");

        string text = Encoding.UTF8.GetString(SipSerializer.ToBytes(SipParser.Parse(data, SipParserLimits.Default).Message!));

        Assert.That(text, Does.Contain("\r\nVia: SIP/2.0/UDP h;branch=z9hG4bK1\r\nFrom: ").And.Contain("\r\nCall-ID: x@y\r\n").And.Contain("\r\nx-MiXeD: v\r\n"));
    }

    [Test]
    public void LineBreaksInEngineTextCannotInjectHeaders()
    {
        var response = new SipResponse(200, "OK");
        response.Headers.Add("Subject", "a\r\nVia: evil");

        string text = Encoding.UTF8.GetString(SipSerializer.ToBytes(response));

        Assert.That(text, Does.Contain("Subject: a  Via: evil\r\n"));
    }

    private static List<string> Fields(SipMessage m) =>
        Enumerable.Range(0, m.Headers.Count)
            .Where(i => m.Headers.KindAt(i) != HeaderKind.ContentLength)
            .Select(i => m.Headers.NameAt(i) + ": " + m.Headers.ValueAt(i))
            .ToList();
}
