using Softswitch.Sip.Messages;
using Softswitch.Sip.Parsing;

namespace Softswitch.Tests.Sip.Messages;

public sealed class SipHeadersTests
{
    private static SipHeaders Parsed() => SipParser.Parse(
        System.Text.Encoding.ASCII.GetBytes(
            "OPTIONS sip:b@example.com SIP/2.0\r\nVia: SIP/2.0/UDP h;branch=z9hG4bK1, SIP/2.0/UDP g\r\n" +
            "From: <sip:a@example.com>;tag=1\r\nTo: <sip:b@example.com>\r\nCall-ID: c\r\nCSeq: 1 OPTIONS\r\nX-Thing: one\r\n\r\n"),
        SipParserLimits.Default).Message!.Headers;

    [Test]
    public void ParsedFieldsCanBeEditedAndKeepTheirNeighbours()
    {
        SipHeaders h = Parsed();

        h.Insert(0, HeaderKind.Via, "SIP/2.0/UDP proxy;branch=z9hG4bKp");
        h.Set(HeaderKind.To, "<sip:b@example.com>;tag=9");
        h.Add("X-Other", "two");
        int removed = h.RemoveAll(HeaderKind.CallId);

        Assert.Multiple(() =>
        {
            Assert.That(removed, Is.EqualTo(1));
            Assert.That(h.GetAll(HeaderKind.Via), Is.EqualTo(new[] { "SIP/2.0/UDP proxy;branch=z9hG4bKp", "SIP/2.0/UDP h;branch=z9hG4bK1", "SIP/2.0/UDP g" }));
            Assert.That(h.Get(HeaderKind.To), Is.EqualTo("<sip:b@example.com>;tag=9"));
            Assert.That(h.IsRawAt(h.IndexOf(HeaderKind.To)), Is.False);
            Assert.That(h.IsRawAt(h.IndexOf(HeaderKind.From)), Is.True);
            Assert.That(h.Get("x-thing"), Is.EqualTo("one"));
            Assert.That(h.NameAt(h.IndexOf("X-THING")), Is.EqualTo("X-Thing"));
            Assert.That(h.Get("X-Other"), Is.EqualTo("two"));
            Assert.That(h.IndexOf("X-Missing"), Is.EqualTo(-1));
        });
    }

    [Test]
    public void SetAsTheFirstEditOfAParsedMessageReplacesTheField()
    {
        SipHeaders h = Parsed();

        h.Set(HeaderKind.To, "<sip:c@example.com>");

        Assert.That(h.GetAll(HeaderKind.To), Is.EqualTo(new[] { "<sip:c@example.com>" }));
    }

    [Test]
    public void CloneOutlivesTheBuffer()
    {
        SipHeaders h = Parsed();

        SipHeaders copy = h.Clone();

        Assert.That(copy.Count, Is.EqualTo(h.Count));
        Assert.That(Enumerable.Range(0, copy.Count).Select(copy.ValueAt), Is.EqualTo(Enumerable.Range(0, h.Count).Select(h.ValueAt)));
        Assert.That(copy.IsRawAt(0), Is.False);
    }

    [Test]
    public void ManyEditsKeepValuesApart()
    {
        var h = new SipHeaders();
        for (int i = 0; i < 300; i++)
        {
            h.Add("X-N", i.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        Assert.That(h.GetAll(HeaderKind.Other).Last(), Is.EqualTo("299"));
        Assert.That(h.ValueAt(150), Is.EqualTo("150"));
    }
}
