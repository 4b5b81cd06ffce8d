using System.Runtime.InteropServices;
using Softswitch.Sip.Messages;
using Softswitch.Sip.Parsing;

namespace Softswitch.Tests.Sip.Parsing;

public sealed class SipParserTests
{
    private const string Head =
        "Via: SIP/2.0/UDP 192.0.2.1:5060;branch=z9hG4bK1\n" +
        "From: <sip:a@example.com>;tag=1\n" +
        "To: <sip:b@example.com>\n" +
        "Call-ID: c1@example.com\n";

    private static SipParseResult Parse(string text) => SipParser.Parse(Corpus.Crlf(text), SipParserLimits.Default);

    private static SipMessage Ok(string text)
    {
        var result = Parse(text);
        Assert.That(result.Error, Is.EqualTo(SipParseError.None), result.Detail);
        return result.Message!;
    }

    [Test]
    public void TypicalInviteParses()
    {
        byte[] data = Corpus.Invite();

        var m = (SipRequest)SipParser.Parse(data, SipParserLimits.Default).Message!;

        Assert.Multiple(() =>
        {
            Assert.That(m.Method, Is.EqualTo(SipMethod.Invite));
            Assert.That(m.MethodName, Is.SameAs(SipMethod.Invite.ToText()), "known methods share their name");
            Assert.That(m.RequestUri.User, Is.EqualTo("+8613800138000"));
            Assert.That(m.RequestUri.Parameters.Get("user"), Is.EqualTo("phone"));
            Assert.That(m.TopVia.Branch, Is.EqualTo("z9hG4bK776asdhds"));
            Assert.That(m.TopVia.HasRport, Is.True);
            Assert.That(m.From.DisplayName, Is.EqualTo("Alice"));
            Assert.That(m.CallId, Is.EqualTo("a84b4c76e66710@pc33.example.com"));
            Assert.That(m.CSeq, Is.EqualTo(new CSeqValue(314159, SipMethod.Invite, "INVITE")));
            Assert.That(m.ContentType, Is.EqualTo("application/sdp"));
            Assert.That(m.Headers.Get("allow"), Does.StartWith("INVITE, ACK"));
            Assert.That(m.Body.Span.StartsWith("v=0\r\n"u8), Is.True);
            // The body is a slice of the input, not a copy.
            Assert.That(MemoryMarshal.TryGetArray(m.Body, out ArraySegment<byte> segment) && segment.Array == data, Is.True);
        });
    }

    [Test]
    public void ResponseParses()
    {
        var m = (SipResponse)SipParser.Parse(Corpus.Ok(), SipParserLimits.Default).Message!;

        Assert.That((m.StatusCode, m.ReasonPhrase), Is.EqualTo((200, "OK")));
        Assert.That(m.TopVia.Received, Is.EqualTo("192.0.2.10"));
        Assert.That(m.To.Tag, Is.EqualTo("a6c85cf"));
    }

    [Test]
    public void CompactAndOddlyCasedNamesMapToTheirKinds()
    {
        var m = Ok("OPTIONS sip:b@example.com SIP/2.0\n" +
            "v: SIP/2.0/UDP h;branch=z9hG4bK1\nf: <sip:a@example.com>;tag=1\nt: sip:b@example.com\ni: x\n" +
            "cSeQ: 1 OPTIONS\nm: <sip:a@h>\nc: text/plain\nk: timer\ns: hi\ne: gzip\no: dialog\nu: dialog\nL: 2\n\nab");

        Assert.Multiple(() =>
        {
            Assert.That(m.Headers.KindAt(0), Is.EqualTo(HeaderKind.Via));
            Assert.That(m.Headers.Get(HeaderKind.Contact), Is.EqualTo("<sip:a@h>"));
            Assert.That(m.Headers.Get(HeaderKind.ContentType), Is.EqualTo("text/plain"));
            Assert.That(m.Headers.Get(HeaderKind.Supported), Is.EqualTo("timer"));
            Assert.That(m.Headers.Get(HeaderKind.Subject), Is.EqualTo("hi"));
            Assert.That(m.Headers.Get(HeaderKind.ContentEncoding), Is.EqualTo("gzip"));
            Assert.That(m.Headers.Get(HeaderKind.Event), Is.EqualTo("dialog"));
            Assert.That(m.Headers.Get(HeaderKind.AllowEvents), Is.EqualTo("dialog"));
            Assert.That(m.Headers.NameAt(0), Is.EqualTo("Via"));
            Assert.That(m.Body.Length, Is.EqualTo(2));
        });
    }

    [Test]
    public void ListHeadersAreSplitRespectingQuotesAndBrackets()
    {
        var m = Ok("REGISTER sip:example.com SIP/2.0\n" + Head + "CSeq: 1 REGISTER\n" +
            "Contact: \"Smith, J\" <sip:j@h1;x=\"a,b\">;q=0.5, <sip:j,x@h2>, sip:j@h3\n" +
            "Route: <sip:p1;lr>,<sip:p2;lr>\nRoute: <sip:p3;lr>\n" +
            "Record-Route: <sip:r1;lr>, <sip:r2;lr>\n" +
            "Via: SIP/2.0/TCP [2001:db8::1]:5061;branch=z9hG4bK2, SIP/2.0/UDP 198.51.100.1\n" +
            "Accept: a/b, c/d\n\n");

        Assert.Multiple(() =>
        {
            Assert.That(m.Headers.GetAll(HeaderKind.Contact), Is.EqualTo(new[]
            {
                "\"Smith, J\" <sip:j@h1;x=\"a,b\">;q=0.5", "<sip:j,x@h2>", "sip:j@h3",
            }));
            Assert.That(m.Headers.GetAll(HeaderKind.Route), Is.EqualTo(new[] { "<sip:p1;lr>", "<sip:p2;lr>", "<sip:p3;lr>" }));
            Assert.That(m.Headers.CountOf(HeaderKind.RecordRoute), Is.EqualTo(2));
            Assert.That(m.Headers.CountOf(HeaderKind.Via), Is.EqualTo(3));
            Assert.That(SipVia.Parse(m.Headers.GetAll(HeaderKind.Via).ElementAt(1)).Host, Is.EqualTo("[2001:db8::1]"));
            Assert.That(SipVia.Parse(m.Headers.GetAll(HeaderKind.Via).ElementAt(1)).Port, Is.EqualTo(5061));
            Assert.That(m.Headers.Get("Accept"), Is.EqualTo("a/b, c/d"), "other headers stay whole");
            Assert.That(NameAddress.Parse(m.Headers.Get(HeaderKind.Contact)!).DisplayName, Is.EqualTo("Smith, J"));
        });
    }

    [Test]
    public void FoldedValuesAreUnfolded()
    {
        var m = Ok("OPTIONS sip:b@example.com SIP/2.0\n" + Head + "CSeq: 1\n\tOPTIONS\nSubject: one\n  two\n\t three\n\n");

        Assert.That(m.Headers.Get(HeaderKind.Subject), Is.EqualTo("one two three"));
        Assert.That(m.CSeq.Method, Is.EqualTo(SipMethod.Options));
    }

    [TestCase("sips:alice@example.com:5061;transport=tcp", "sips", "example.com")]
    [TestCase("tel:+1-201-555-0123;phone-context=example.com", "tel", "+1-201-555-0123")]
    [TestCase("sip:[2001:db8::10]:5070", "sip", "[2001:db8::10]")]
    [TestCase("sip:alice@192.0.2.4;maddr=239.255.255.1;ttl=15", "sip", "192.0.2.4")]
    [TestCase("urn:service:sos", "urn", "")]
    public void RequestUriSchemesParse(string uri, string scheme, string host)
    {
        var m = (SipRequest)Ok($"OPTIONS {uri} SIP/2.0\n" + Head + "CSeq: 1 OPTIONS\n\n");

        Assert.That((m.RequestUri.Scheme, m.RequestUri.Host), Is.EqualTo((scheme, host)));
    }

    [Test]
    public void WithoutContentLengthTheBodyIsTheRestOfTheDatagram()
    {
        var m = Ok("MESSAGE sip:b@example.com SIP/2.0\n" + Head + "CSeq: 1 MESSAGE\n\nhello\nworld");

        Assert.That(m.Body.ToArray(), Is.EqualTo("hello\r\nworld"u8.ToArray()));
    }

    [Test]
    public void BytesBeyondContentLengthAreIgnored()
    {
        var m = Ok("MESSAGE sip:b@example.com SIP/2.0\n" + Head + "CSeq: 1 MESSAGE\nContent-Length: 5\n\nhello, junk");

        Assert.That(m.Body.ToArray(), Is.EqualTo("hello"u8.ToArray()));
    }

    [Test]
    public void LeadingCrlfsAreSkipped() =>
        Assert.That(Parse("\n\nOPTIONS sip:b@example.com SIP/2.0\n" + Head + "CSeq: 1 OPTIONS\n\n").Success, Is.True);

    [Test]
    public void MissingMaxForwardsIsTolerated() =>
        Assert.That(Parse("OPTIONS sip:b@example.com SIP/2.0\n" + Head + "CSeq: 1 OPTIONS\n\n").Success, Is.True);

    [TestCase("MESSAGE sip:b@example.com SIP/2.0\n" + Head + "CSeq: 1 MESSAGE\nContent-Length: 6\n\nhello", SipParseError.BodyLengthMismatch, null)]
    [TestCase("OPTIONS sip:b@example.com SIP/2.0\nFrom: <sip:a@example.com>;tag=1\nTo: <sip:b@example.com>\nCall-ID: c\nCSeq: 1 OPTIONS\n\n", SipParseError.MissingHeader, "Via")]
    [TestCase("OPTIONS sip:b@example.com SIP/2.0\n" + Head + "\n", SipParseError.MissingHeader, "CSeq")]
    [TestCase("OPTIONS sip:b@example.com SIP/2.0\n" + Head + "CSeq: 1 INVITE\n\n", SipParseError.CSeqMethodMismatch, null)]
    [TestCase("OPTIONS sip:b@example.com SIP/2.0\n" + Head + "CSeq: 1 options\n\n", SipParseError.CSeqMethodMismatch, null)]
    [TestCase("OPTIONS sip:b@example.com SIP/2.0\n" + Head + "CSeq: 2147483648 OPTIONS\n\n", SipParseError.BadCSeq, "CSeq")]
    [TestCase("OPTIONS sip:b@example.com SIP/2.0\n" + Head + "CSeq: 1 OPTIONS\nMax-Forwards: 256\n\n", SipParseError.BadHeaderValue, "Max-Forwards")]
    [TestCase("OPTIONS sip:b@example.com SIP/2.0\n" + Head + "CSeq: 1 OPTIONS\nCall-ID: other\n\n", SipParseError.DuplicateHeader, "Call-ID")]
    [TestCase("OPTIONS sip:b@example.com SIP/2.0\nVia: SIP/2.0/UDP\nFrom: <sip:a@example.com>\nTo: <sip:b@example.com>\nCall-ID: c\nCSeq: 1 OPTIONS\n\n", SipParseError.BadVia, "Via")]
    [TestCase("OPTIONS sip:b@example.com SIP/2.0\n" + Head + "CSeq: 1 OPTIONS\nContact: <sip:a@h\n\n", SipParseError.BadNameAddress, "Contact")]
    [TestCase("OPTIONS sip:b@example.com SIP/2.0\n" + Head + "CSeq: 1 OPTIONS\nContent-Length: 1x\n\n", SipParseError.BadContentLength, null)]
    [TestCase("OPTIONS sip:b@example.com SIP/3.0\n" + Head + "CSeq: 1 OPTIONS\n\n", SipParseError.BadVersion, null)]
    [TestCase("SIP/1.0 200 OK\n" + Head + "CSeq: 1 OPTIONS\n\n", SipParseError.BadVersion, null)]
    [TestCase("SIP/2.0 099 Low\n" + Head + "CSeq: 1 OPTIONS\n\n", SipParseError.BadStatusCode, null)]
    [TestCase("SIP/2.0 700 High\n" + Head + "CSeq: 1 OPTIONS\n\n", SipParseError.BadStatusCode, null)]
    [TestCase("SIP/2.0 2000 OK\n" + Head + "CSeq: 1 OPTIONS\n\n", SipParseError.BadStatusCode, null)]
    [TestCase("SIP/2.0 2x0 OK\n" + Head + "CSeq: 1 OPTIONS\n\n", SipParseError.BadStatusCode, null)]
    [TestCase("OPT<IONS sip:b@example.com SIP/2.0\n" + Head + "CSeq: 1 OPT<IONS\n\n", SipParseError.BadMethod, null)]
    [TestCase("OPTIONS sip:b@example.com\n" + Head + "CSeq: 1 OPTIONS\n\n", SipParseError.BadStartLine, null)]
    [TestCase("OPTIONS sip:b@example.com SIP/2.0\n" + Head + "CSeq: 1 OPTIONS\n", SipParseError.IncompleteMessage, null)]
    [TestCase("OPTIONS sip:b@example.com SIP/2.0\n" + Head + "Bad Name: x\n\n", SipParseError.BadHeaderName, null)]
    [TestCase("OPTIONS sip:b@example.com SIP/2.0\n folded start\n" + Head + "\n", SipParseError.BadHeaderName, null)]
    public void MalformedMessagesGetAPreciseError(string text, SipParseError error, string? detail)
    {
        var result = Parse(text);

        Assert.That(result.Error, Is.EqualTo(error), result.Detail);
        if (detail is not null)
        {
            Assert.That(result.Detail, Is.EqualTo(detail));
        }
    }

    [Test]
    public void BareLineBreaksAreRefused()
    {
        byte[] data = Corpus.Crlf("OPTIONS sip:b@example.com SIP/2.0\n" + Head + "CSeq: 1 OPTIONS\nX: a\rb\n\n");

        Assert.That(SipParser.Parse(data, SipParserLimits.Default).Error, Is.EqualTo(SipParseError.BareLineBreak));
    }

    [Test]
    public void LimitsAreConfigurable()
    {
        var tight = new SipParserLimits { MaxMessageSize = 400, MaxHeaderCount = 5, MaxLineLength = 60 };
        byte[] invite = Corpus.Invite();

        Assert.That(SipParser.Parse(invite, tight).Error, Is.EqualTo(SipParseError.MessageTooLarge));
        Assert.That(SipParser.Parse(Corpus.Ok(), tight with { MaxMessageSize = 4000 }).Error, Is.EqualTo(SipParseError.LineTooLong));
        Assert.That(SipParser.Parse(Corpus.Ok(), tight with { MaxMessageSize = 4000, MaxLineLength = 200 }).Error,
            Is.EqualTo(SipParseError.TooManyHeaders));
    }

    [Test]
    public void MessageSizeLimitCannotExceedWhatHeaderEntriesAddress()
    {
        // Parsed header entries hold 16-bit offsets; a larger limit is a configuration error, not a silent overflow.
        Assert.Throws<ArgumentOutOfRangeException>(() => _ = new SipParserLimits { MaxMessageSize = 65_536 });
        Assert.Throws<ArgumentOutOfRangeException>(() => _ = new SipParserLimits { MaxMessageSize = 0 });
        byte[] big = new byte[65_536];
        Corpus.Invite().CopyTo(big, 0);
        Assert.That(SipParser.Parse(big, SipParserLimits.Default).Error, Is.EqualTo(SipParseError.MessageTooLarge));
    }

    public static IEnumerable<TestCaseData> ValidMessages() => Corpus.ValidMessages();

    [TestCaseSource(nameof(ValidMessages))]
    public void KeysReadFromBytesEqualKeysReadFromText(byte[] data)
    {
        // The top Via and CSeq are parsed from the validated bytes; the text path must give the same values.
        SipMessage m = SipParser.Parse(data, SipParserLimits.Default).Message!;
        SipVia text = SipVia.Parse(m.Headers.Get(HeaderKind.Via)!);
        CSeqValue cseq = CSeqValue.Parse(m.Headers.Get(HeaderKind.CSeq)!);

        Assert.Multiple(() =>
        {
            Assert.That(m.TopVia.ToString(), Is.EqualTo(text.ToString()));
            Assert.That((m.TopVia.Branch, m.TopVia.Host, m.TopVia.Port, m.TopVia.Transport), Is.EqualTo((text.Branch, text.Host, text.Port, text.Transport)));
            Assert.That(m.CSeq, Is.EqualTo(cseq));
        });
    }

    [Test]
    public void FoldedViaIsReadLikeItsUnfoldedText()
    {
        var m = Ok("OPTIONS sip:b@example.com SIP/2.0\nVia: SIP/2.0/udp\n  192.0.2.1:5060\n\t;branch=z9hG4bKfold;x=\"a\n b\"\n" +
            "From: <sip:a@example.com>;tag=1\nTo: <sip:b@example.com>\nCall-ID: c1\nCSeq: 7\n OPTIONS\n\n");

        Assert.Multiple(() =>
        {
            Assert.That(m.TopVia.Transport, Is.EqualTo("UDP"));
            Assert.That(m.TopVia.Branch, Is.EqualTo("z9hG4bKfold"));
            Assert.That(m.TopVia.Parameters.Get("x"), Is.EqualTo("\"a b\""));
            Assert.That((m.CSeq.Number, m.CSeq.MethodName), Is.EqualTo((7u, "OPTIONS")));
        });
    }
}
