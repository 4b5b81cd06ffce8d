using Softswitch.Sip.Auth;

namespace Softswitch.Tests.Sip.Auth;

public class DigestHeaderParserTests
{
    private const string Valid =
        "Digest username=\"1001\", realm=\"example.com\", nonce=\"abc/def+==\", uri=\"sip:example.com\", "
        + "response=\"0123456789abcdef0123456789abcdef\", algorithm=MD5, cnonce=\"xyz\", qop=auth, nc=00000001";

    private static DigestParameters Parse(string value)
    {
        var error = DigestHeaderParser.TryParse(value, out var parameters);
        Assert.That(error, Is.EqualTo(DigestParseError.None));
        return parameters!;
    }

    [Test]
    public void ParsesQuotedAndTokenValues()
    {
        var p = Parse(Valid);

        Assert.That(p.Count, Is.EqualTo(9));
        Assert.That(p["username"], Is.EqualTo("1001"));
        Assert.That(p["nonce"], Is.EqualTo("abc/def+=="));
        Assert.That(p["algorithm"], Is.EqualTo("MD5"));
        Assert.That(p["nc"], Is.EqualTo("00000001"));
        Assert.That(p["opaque"], Is.Null);
    }

    [Test]
    public void SchemeAndNamesAreCaseInsensitive()
    {
        var p = Parse("dIgEsT REALM=\"a\", Nonce=b");

        Assert.That(p["realm"], Is.EqualTo("a"));
        Assert.That(p["NONCE"], Is.EqualTo("b"));
    }

    [Test]
    public void ToleratesWhitespaceFoldingAndEmptyListElements()
    {
        var p = Parse("  Digest\r\n\trealm = \"a b\" ,, ,nonce\t=\"n\" ,  ");

        Assert.That(p["realm"], Is.EqualTo("a b"));
        Assert.That(p["nonce"], Is.EqualTo("n"));
    }

    [Test]
    public void UnescapesQuotedPairs()
    {
        var p = Parse("Digest username=\"a\\\"b\\\\c\\d\", realm=\"\"");

        Assert.That(p["username"], Is.EqualTo("a\"b\\cd"));
        Assert.That(p["realm"], Is.Empty);
    }

    [Test]
    public void KeepsNonAsciiInQuotedStrings()
    {
        Assert.That(Parse("Digest username=\"José\"")["username"], Is.EqualTo("José"));
    }

    [TestCase(null, DigestParseError.Empty)]
    [TestCase("   ", DigestParseError.Empty)]
    [TestCase("Basic QWxhZGRpbjpvcGVuIHNlc2FtZQ==", DigestParseError.NotDigest)]
    [TestCase("Digestive realm=\"a\"", DigestParseError.NotDigest)]
    [TestCase("realm=\"a\"", DigestParseError.NotDigest)]
    [TestCase("Digest", DigestParseError.NoParameters)]
    [TestCase("Digest  , ", DigestParseError.NoParameters)]
    [TestCase("Digest realm", DigestParseError.ExpectedEquals)]
    [TestCase("Digest realm \"a\"", DigestParseError.ExpectedEquals)]
    [TestCase("Digest realm=", DigestParseError.BadValue)]
    [TestCase("Digest realm=a/b", DigestParseError.ExpectedComma)]
    [TestCase("Digest =\"a\"", DigestParseError.BadName)]
    [TestCase("Digest realm=\"a\" nonce=\"b\"", DigestParseError.ExpectedComma)]
    [TestCase("Digest realm=\"abc", DigestParseError.UnterminatedQuote)]
    [TestCase("Digest realm=\"abc\\", DigestParseError.UnterminatedQuote)]
    [TestCase("Digest realm=\"abc\\\"", DigestParseError.UnterminatedQuote)]
    [TestCase("Digest realm=\"a\r\nVia: evil\"", DigestParseError.BadQuotedCharacter)]
    [TestCase("Digest realm=\"a\\\nb\"", DigestParseError.BadQuotedCharacter)]
    [TestCase("Digest realm=\"a\0\"", DigestParseError.BadQuotedCharacter)]
    [TestCase("Digest realm=\"a\", REALM=\"b\"", DigestParseError.DuplicateParameter)]
    [TestCase("Digest response=\"a\", nonce=n, response=\"b\"", DigestParseError.DuplicateParameter)]
    public void RefusesWithPreciseReason(string? value, DigestParseError expected)
    {
        Assert.That(DigestHeaderParser.TryParse(value, out var parameters), Is.EqualTo(expected));
        Assert.That(parameters, Is.Null);
    }

    [Test]
    public void EnforcesLimitsBeforeCopying()
    {
        string huge = "Digest realm=\"" + new string('a', DigestHeaderParser.MaxHeaderLength) + "\"";
        string longValue = "Digest realm=\"" + new string('a', DigestHeaderParser.MaxValueLength + 1) + "\"";
        string longToken = "Digest realm=" + new string('a', DigestHeaderParser.MaxValueLength + 1);
        string longName = "Digest " + new string('n', DigestHeaderParser.MaxNameLength + 1) + "=a";
        string many = "Digest " + string.Join(", ", Enumerable.Range(0, DigestHeaderParser.MaxParameters + 1).Select(k => $"p{k}=v"));
        string maxed = "Digest " + string.Join(", ", Enumerable.Range(0, DigestHeaderParser.MaxParameters).Select(k => $"p{k}=v"));

        Assert.Multiple(() =>
        {
            Assert.That(DigestHeaderParser.TryParse(huge, out _), Is.EqualTo(DigestParseError.TooLong));
            Assert.That(DigestHeaderParser.TryParse(longValue, out _), Is.EqualTo(DigestParseError.ValueTooLong));
            Assert.That(DigestHeaderParser.TryParse(longToken, out _), Is.EqualTo(DigestParseError.ValueTooLong));
            Assert.That(DigestHeaderParser.TryParse(longName, out _), Is.EqualTo(DigestParseError.NameTooLong));
            Assert.That(DigestHeaderParser.TryParse(many, out _), Is.EqualTo(DigestParseError.TooManyParameters));
            Assert.That(DigestHeaderParser.TryParse(maxed, out _), Is.EqualTo(DigestParseError.None));
        });
    }

    [Test]
    public void EveryPrefixOfAValidHeaderParsesOrIsRefusedWithoutThrowing()
    {
        for (int length = 0; length <= Valid.Length; length++)
        {
            string prefix = Valid[..length];
            Assert.DoesNotThrow(() =>
            {
                var error = DigestHeaderParser.TryParse(prefix, out var parameters);
                Assert.That(parameters is null, Is.EqualTo(error != DigestParseError.None), prefix);
            });
        }
    }

    [Test]
    public void RandomMutationsNeverThrow()
    {
        var random = new Random(7616);
        const string alphabet = "\"\\,= \t\r\naZ0\0\u00e9;:@<>";
        for (int round = 0; round < 5000; round++)
        {
            char[] chars = Valid.ToCharArray();
            int edits = random.Next(1, 6);
            for (int e = 0; e < edits; e++)
            {
                chars[random.Next(chars.Length)] = alphabet[random.Next(alphabet.Length)];
            }
            string mutated = new string(chars)[..random.Next(chars.Length + 1)];
            Assert.DoesNotThrow(() => DigestHeaderParser.TryParse(mutated, out _), mutated);
            Assert.DoesNotThrow(() => DigestCredentials.TryParse(mutated, out _), mutated);
            Assert.DoesNotThrow(() => DigestChallenge.TryParse(mutated, out _), mutated);
        }
    }
}
