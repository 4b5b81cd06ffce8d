using System.Text;
using Softswitch.Sip.Sdp;
using static Softswitch.Tests.Sip.Sdp.SdpSamples;

namespace Softswitch.Tests.Sip.Sdp;

/// <summary>Every kind of broken description gets a precise error, never an exception (the B2BUA answers 488).</summary>
public class SdpMalformedTests
{
    private const string V = "v=0";
    private const string O = "o=- 1 1 IN IP4 10.0.0.1";
    private const string S = "s=-";
    private const string C = "c=IN IP4 10.0.0.1";
    private const string T = "t=0 0";
    private const string M = "m=audio 4000 RTP/AVP 0";

    private static IEnumerable<TestCaseData> Cases()
    {
        TestCaseData Case(SdpParseError error, string name, params string[] lines) =>
            new TestCaseData(Crlf(lines), error).SetName($"{error}: {name}");

        yield return new TestCaseData("", SdpParseError.Empty).SetName("Empty: nothing");
        yield return new TestCaseData("\r\n\r\n", SdpParseError.Empty).SetName("Empty: blank lines");
        yield return Case(SdpParseError.MissingVersion, "o= first", O, S, C, T, M);
        yield return Case(SdpParseError.MissingVersion, "s= first", S, V, O, C, T, M);
        yield return Case(SdpParseError.BadVersion, "v=1", "v=1", O, S, C, T, M);
        yield return Case(SdpParseError.MissingOrigin, "s= second", V, S, O, C, T, M);
        yield return Case(SdpParseError.MissingOrigin, "no o=", V, S, C, T, M);
        yield return Case(SdpParseError.BadOrigin, "five fields", V, "o=- 1 IN IP4 10.0.0.1", S, C, T, M);
        yield return Case(SdpParseError.BadOrigin, "non-numeric version", V, "o=- 1 x IN IP4 10.0.0.1", S, C, T, M);
        yield return Case(SdpParseError.MissingSessionName, "no s=", V, O, C, T, M);
        yield return Case(SdpParseError.DuplicateLine, "two o=", V, O, O, S, C, T, M);
        yield return Case(SdpParseError.DuplicateLine, "two s=", V, O, S, S, C, T, M);
        yield return Case(SdpParseError.DuplicateLine, "two session c=", V, O, S, C, C, T, M);
        yield return Case(SdpParseError.LineOutOfOrder, "t= after m=", V, O, S, C, M, T);
        yield return Case(SdpParseError.LineOutOfOrder, "o= after m=", V, O, S, C, T, M, O);
        yield return Case(SdpParseError.MissingMedia, "no m=", V, O, S, C, T);
        yield return Case(SdpParseError.BadMediaLine, "three fields", V, O, S, C, T, "m=audio 4000 RTP/AVP");
        yield return Case(SdpParseError.BadMediaLine, "empty", V, O, S, C, T, "m=");
        yield return Case(SdpParseError.BadPort, "non-numeric port", V, O, S, C, T, "m=audio abc RTP/AVP 0");
        yield return Case(SdpParseError.BadPort, "port over 65535", V, O, S, C, T, "m=audio 70000 RTP/AVP 0");
        yield return Case(SdpParseError.BadPort, "negative port", V, O, S, C, T, "m=audio -4 RTP/AVP 0");
        yield return Case(SdpParseError.BadPort, "bad port count", V, O, S, C, T, "m=audio 4000/x RTP/AVP 0");
        yield return Case(SdpParseError.BadPayloadType, "pt 200", V, O, S, C, T, "m=audio 4000 RTP/AVP 0 200");
        yield return Case(SdpParseError.BadPayloadType, "pt text", V, O, S, C, T, "m=audio 4000 RTP/AVP PCMU");
        yield return Case(SdpParseError.BadConnection, "two fields", V, O, S, "c=IN IP4", T, M);
        yield return Case(SdpParseError.BadConnection, "nettype", V, O, S, "c=ATM IP4 10.0.0.1", T, M);
        yield return Case(SdpParseError.BadConnection, "addrtype", V, O, S, "c=IN IPX 10.0.0.1", T, M);
        yield return Case(SdpParseError.BadConnection, "bad IPv4", V, O, S, "c=IN IP4 999.1.1.1", T, M);
        yield return Case(SdpParseError.BadConnection, "IPv4 under IP6", V, O, S, "c=IN IP6 10.0.0.1:x", T, M);
        yield return Case(SdpParseError.BadConnection, "media level", V, O, S, T, M, "c=IN IP4 10.0.0.1 extra");
        yield return Case(SdpParseError.MissingConnection, "no c= anywhere", V, O, S, T, M);
        yield return Case(SdpParseError.BadTiming, "t=now", V, O, S, C, "t=now 0", M);
        yield return Case(SdpParseError.BadBandwidth, "b=AS", V, O, S, C, "b=AS", T, M);
        yield return Case(SdpParseError.BadAttribute, "a=", V, O, S, C, T, M, "a=");
        yield return Case(SdpParseError.BadAttribute, "a=:x", V, O, S, C, T, M, "a=:x");
        yield return Case(SdpParseError.BadLineSyntax, "no equals", V, O, S, C, T, M, "garbage");
        yield return Case(SdpParseError.BadLineSyntax, "upper-case type", V, O, S, C, T, M, "A=rtpmap:0 PCMU/8000");
        yield return Case(SdpParseError.BadLineSyntax, "blank line inside", V, O, S, "", C, T, M);
        yield return Case(SdpParseError.BadEncoding, "NUL in value", V, O, "s=a\0b", C, T, M);
        yield return new TestCaseData("INVITE sip:bob@example.com SIP/2.0\r\n", SdpParseError.BadLineSyntax)
            .SetName("BadLineSyntax: a SIP message");
    }

    [TestCaseSource(nameof(Cases))]
    public void Refused_with_a_precise_error(string text, SdpParseError expected)
    {
        SdpParseResult result = SdpParser.Parse(Encoding.UTF8.GetBytes(text));

        Assert.Multiple(() =>
        {
            Assert.That(result.Success, Is.False);
            Assert.That(result.Error, Is.EqualTo(expected), result.Detail);
            Assert.That(result.Detail, Is.Not.Null.And.Not.Empty);
        });
    }

    [Test]
    public void Rejected_stream_needs_no_connection()
    {
        Assert.That(SdpParser.Parse(Crlf(V, O, S, T, "m=audio 0 RTP/AVP 0")).Success, Is.True);
    }

    [Test]
    public void Invalid_UTF8_is_refused()
    {
        byte[] bytes = [.. Encoding.UTF8.GetBytes(Crlf(V, O)), 0xC3, 0x28, .. "\r\n"u8];

        Assert.That(SdpParser.Parse(bytes).Error, Is.EqualTo(SdpParseError.BadEncoding));
    }

    [Test]
    public void Limits_are_enforced()
    {
        var small = new SdpParserLimits { MaxBytes = 200, MaxLines = 8, MaxLineLength = 40, MaxMedia = 1 };
        string twoMedia = Crlf(V, O, S, C, T, M, M);
        string longLine = Crlf(V, O, S, C, T, M, "a=x:" + new string('y', 50));
        string manyLines = Crlf(V, O, S, C, T, M, "a=a", "a=b", "a=c");

        Assert.Multiple(() =>
        {
            Assert.That(SdpParser.Parse(Linphone, small).Error, Is.EqualTo(SdpParseError.TooLarge));
            Assert.That(SdpParser.Parse(Encoding.UTF8.GetBytes(Linphone), small).Error, Is.EqualTo(SdpParseError.TooLarge));
            Assert.That(SdpParser.Parse(twoMedia, small).Error, Is.EqualTo(SdpParseError.TooManyMedia));
            Assert.That(SdpParser.Parse(longLine, small with { MaxBytes = 1000 }).Error, Is.EqualTo(SdpParseError.LineTooLong));
            Assert.That(SdpParser.Parse(manyLines, small).Error, Is.EqualTo(SdpParseError.TooManyLines));
        });
    }

    [Test]
    public void TryParse_reports_the_error()
    {
        bool ok = SdpParser.TryParse("v=0\r\n"u8, out SdpSession? session, out SdpParseError error, out string? detail);

        Assert.Multiple(() =>
        {
            Assert.That(ok, Is.False);
            Assert.That(session, Is.Null);
            Assert.That(error, Is.EqualTo(SdpParseError.MissingSessionName));
            Assert.That(detail, Is.Not.Null);
        });
    }

    /// <summary>Mutated real offers (bytes flipped, lines cut, garbage spliced) never make the parser throw.</summary>
    [Test]
    public void Mutants_never_throw()
    {
        var random = new Random(4566);
        byte[][] seeds = [.. new[] { Baresip, Linphone, Sipp, Ipv6, MediaLevelConnection, Ice }.Select(Encoding.UTF8.GetBytes)];
        int accepted = 0;
        for (int i = 0; i < 20_000; i++)
        {
            byte[] mutant = (byte[])seeds[random.Next(seeds.Length)].Clone();
            int edits = random.Next(1, 4);
            for (int e = 0; e < edits; e++)
            {
                int at = random.Next(mutant.Length);
                mutant[at] = random.Next(3) switch
                {
                    0 => (byte)random.Next(256),
                    1 => (byte)" =:/\r\n0"[random.Next(7)],
                    _ => (byte)random.Next(32, 127),
                };
            }
            int length = random.Next(4) == 0 ? random.Next(mutant.Length) : mutant.Length;
            SdpParseResult result = SdpParser.Parse(mutant.AsSpan(0, length));
            if (result.Success)
            {
                accepted++;
                _ = result.Session!.ToString();
                _ = SdpNegotiation.CodecList(result.Session);
            }
        }
        Assert.That(accepted, Is.GreaterThan(0), "some mutants stay valid, so the accessors are exercised");
    }
}
