using Softswitch.Sip.Messages;
using Softswitch.Sip.Parsing;

namespace Softswitch.Tests.Sip.Parsing;

/// <summary>RFC 4475 §3.1.1 / §3.1.2 messages; the expected errors come from Data/torture/README.md.</summary>
public sealed class TortureTests
{
    public static IEnumerable<TestCaseData> Valid() =>
        Corpus.Names("valid").Select(n => new TestCaseData(n).SetArgDisplayNames(n));

    public static IEnumerable<TestCaseData> Invalid() =>
        Corpus.Names("invalid").Select(n => new TestCaseData(n).SetArgDisplayNames(n));

    [TestCaseSource(nameof(Valid))]
    public void ValidMessageParses(string name)
    {
        var result = SipParser.Parse(Corpus.Read("valid", name), SipParserLimits.Default);

        Assert.That(result.Error, Is.EqualTo(SipParseError.None), result.Detail);
        SipMessage m = result.Message!;
        Assert.Multiple(() =>
        {
            Assert.That(() => m.TopVia, Throws.Nothing);
            Assert.That(() => m.From, Throws.Nothing);
            Assert.That(() => m.To, Throws.Nothing);
            Assert.That(() => m.CSeq, Throws.Nothing);
            Assert.That(m.CallId, Is.Not.Empty);
        });
    }

    [TestCaseSource(nameof(Invalid))]
    public void InvalidMessageGetsTheDocumentedError(string name)
    {
        SipParseError expected = ExpectedErrors()[name];

        var result = SipParser.Parse(Corpus.Read("invalid", name), SipParserLimits.Default);

        Assert.That(result.Error, Is.EqualTo(expected), result.Detail);
        Assert.That(result.Success, Is.EqualTo(expected == SipParseError.None));
    }

    [Test]
    public void EveryInvalidMessageIsDocumented() =>
        Assert.That(ExpectedErrors().Keys, Is.EquivalentTo(Corpus.Names("invalid")));

    [Test]
    public void ShortTortuousInviteKeepsItsDetails()
    {
        var m = (SipRequest)SipParser.Parse(Corpus.Read("valid", "wsinv"), SipParserLimits.Default).Message!;

        Assert.Multiple(() =>
        {
            Assert.That(m.Headers.CountOf(HeaderKind.Via), Is.EqualTo(3));
            Assert.That(m.TopVia.Host, Is.EqualTo("192.0.2.2"));
            Assert.That(m.TopVia.Branch, Is.EqualTo("390skdjuw"));
            Assert.That(SipVia.Parse(m.Headers.GetAll(HeaderKind.Via).ElementAt(1)).Branch, Is.EqualTo("z9hG4bK9ikj8"));
            Assert.That(SipVia.Parse(m.Headers.GetAll(HeaderKind.Via).ElementAt(2)).Host, Is.EqualTo("192.168.255.111"));
            Assert.That(m.From.DisplayName, Is.EqualTo("J Rosenberg \\\""));
            Assert.That(m.From.Tag, Is.EqualTo("98asjd8"));
            Assert.That(m.To.Tag, Is.EqualTo("1918181833n"));
            Assert.That(m.CSeq.Number, Is.EqualTo(9u));
            Assert.That(m.CSeq.Method, Is.EqualTo(SipMethod.Invite));
            Assert.That(m.Headers.Get("NewFangledHeader"), Is.EqualTo("newfangled value continued newfangled value"));
            Assert.That(m.Headers.Get("UnknownHeaderWithUnusualValue"), Is.EqualTo(";;,,;;,;"));
            Assert.That(m.Headers.Get(HeaderKind.Subject), Is.Empty);
            Assert.That(m.Body.Length, Is.EqualTo(150));
            Assert.That(NameAddress.Parse(m.Headers.Get(HeaderKind.Contact)!).Parameters.Get("q"), Is.EqualTo("0.33"));
        });
    }

    [Test]
    public void WideRangeOfValidCharactersKeepsTheMethodAndUser()
    {
        var m = (SipRequest)SipParser.Parse(Corpus.Read("valid", "intmeth"), SipParserLimits.Default).Message!;

        Assert.Multiple(() =>
        {
            Assert.That(m.Method, Is.EqualTo(SipMethod.Unknown));
            Assert.That(m.MethodName, Is.EqualTo("!interesting-Method0123456789_*+`.%indeed'~"));
            Assert.That(m.RequestUri.User, Is.EqualTo("1_unusual.URI~(to-be!sure)&isn't+it$/crazy?,/;;*"));
            Assert.That(m.RequestUri.Host, Is.EqualTo("example.com"));
            Assert.That(m.From.Tag, Is.EqualTo("_token~1'+`*%!-."));
            Assert.That(m.CallId, Is.EqualTo("intmeth.word%ZK-!.*_+'@word`~)(><:\\/\"][?}{"));
        });
    }

    [Test]
    public void DoubleRequestOnUdpKeepsOnlyTheFirst()
    {
        var m = SipParser.Parse(Corpus.Read("valid", "dblreq"), SipParserLimits.Default).Message!;

        Assert.That(((SipRequest)m).Method, Is.EqualTo(SipMethod.Register));
        Assert.That(m.Body.Length, Is.Zero);
    }

    [Test]
    public void EscapedMethodIsAnUnknownMethod()
    {
        var m = (SipRequest)SipParser.Parse(Corpus.Read("valid", "esc02"), SipParserLimits.Default).Message!;

        Assert.That(m.Method, Is.EqualTo(SipMethod.Unknown));
        Assert.That(m.Headers.CountOf(HeaderKind.Contact), Is.EqualTo(2), "C%6Fntact is not Contact");
    }

    [Test]
    public void ResponsesWithUnusualReasonsParse()
    {
        var unreason = (SipResponse)SipParser.Parse(Corpus.Read("valid", "unreason"), SipParserLimits.Default).Message!;
        var noreason = (SipResponse)SipParser.Parse(Corpus.Read("valid", "noreason"), SipParserLimits.Default).Message!;

        Assert.That(unreason.ReasonPhrase, Is.EqualTo("= 2**3 * 5**2 но сто девяносто девять - простое"));
        Assert.That(noreason.StatusCode, Is.EqualTo(100));
        Assert.That(noreason.ReasonPhrase, Is.Empty);
    }

    private static Dictionary<string, SipParseError> ExpectedErrors()
    {
        var map = new Dictionary<string, SipParseError>();
        foreach (string line in File.ReadLines(Path.Combine(AppContext.BaseDirectory, "Data", "torture", "README.md")))
        {
            string[] cells = line.Split('|', StringSplitOptions.TrimEntries);
            if (cells.Length > 4 && Enum.TryParse(cells[3], out SipParseError error))
            {
                map[cells[1]] = error;
            }
        }
        return map;
    }
}
