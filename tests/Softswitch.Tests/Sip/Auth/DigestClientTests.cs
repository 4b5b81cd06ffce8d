using Softswitch.Sip.Auth;

namespace Softswitch.Tests.Sip.Auth;

public class DigestClientTests
{
    private const string Md5 = "Digest realm=\"r\", nonce=\"n1\", algorithm=MD5, qop=\"auth\"";
    private const string Sha = "Digest realm=\"r\", nonce=\"n1\", algorithm=SHA-256, qop=\"auth\"";

    [Test]
    public void PrefersSha256RegardlessOfOrder()
    {
        Assert.That(DigestClient.TrySelect([Md5, Sha], out var challenge), Is.EqualTo(DigestParseError.None));
        Assert.That(challenge!.Algorithm, Is.EqualTo(DigestAlgorithm.Sha256));
    }

    [Test]
    public void FallsBackToMd5AndSkipsUnusableChallenges()
    {
        string[] offered = ["Basic realm=\"r\"", "Digest realm=\"r\", nonce=\"x\", algorithm=SHA-512-256", Md5];

        Assert.That(DigestClient.TrySelect(offered, out var challenge), Is.EqualTo(DigestParseError.None));
        Assert.That(challenge!.Algorithm, Is.EqualTo(DigestAlgorithm.Md5));
    }

    [Test]
    public void ReportsWhyNothingWasUsable()
    {
        Assert.That(DigestClient.TrySelect(["Basic realm=\"r\""], out _), Is.EqualTo(DigestParseError.NotDigest));
        Assert.That(DigestClient.TrySelect([], out _), Is.EqualTo(DigestParseError.Empty));
        Assert.That(DigestClient.TrySelect(["Digest realm=\"r\", nonce=\"n\", qop=\"auth-int\""], out _),
            Is.EqualTo(DigestParseError.UnsupportedQop));
    }

    [Test]
    public void AnswersQopAuthWithCnonceAndCount()
    {
        var client = new DigestClient(() => "cn");

        client.TryAuthorize([Sha], "1001", "pw", "REGISTER", "sip:r", out var header);

        Assert.That(DigestCredentials.TryParse(header, out var c), Is.EqualTo(DigestParseError.None));
        Assert.That(c!.Qop, Is.EqualTo("auth"));
        Assert.That(c.Cnonce, Is.EqualTo("cn"));
        Assert.That(c.NonceCount, Is.EqualTo(1u));
        Assert.That(c.Algorithm, Is.EqualTo(DigestAlgorithm.Sha256));
        Assert.That(c.Response, Has.Length.EqualTo(64));
    }

    [Test]
    public void NewNonceRestartsTheCount()
    {
        var client = new DigestClient();
        client.TryAuthorize([Sha], "u", "p", "REGISTER", "sip:r", out _);
        client.TryAuthorize([Sha], "u", "p", "REGISTER", "sip:r", out var second);
        client.TryAuthorize([Sha.Replace("n1", "n2", StringComparison.Ordinal)], "u", "p", "REGISTER", "sip:r", out var fresh);

        Assert.That(second, Does.EndWith("nc=00000002"));
        Assert.That(fresh, Does.EndWith("nc=00000001"));
    }

    [Test]
    public void ChallengeWithoutQopGetsRfc2069Answer()
    {
        new DigestClient().TryAuthorize(["Digest realm=\"r\", nonce=\"n\""], "u", "p", "INVITE", "sip:b@r", out var header);

        DigestCredentials.TryParse(header, out var c);
        Assert.That(c!.HasQop, Is.False);
        Assert.That(c.Cnonce, Is.Null);
        Assert.That(c.Algorithm, Is.EqualTo(DigestAlgorithm.Md5));
    }

    [Test]
    public void EscapesQuotesAndRefusesHeaderInjection()
    {
        var client = new DigestClient();

        Assert.That(client.TryAuthorize([Md5], "a\"b", "p", "REGISTER", "sip:r", out var header), Is.EqualTo(DigestParseError.None));
        DigestCredentials.TryParse(header, out var c);
        Assert.That(c!.Username, Is.EqualTo("a\"b"));

        Assert.That(client.TryAuthorize([Md5], "u\r\nVia: x", "p", "REGISTER", "sip:r", out var injected),
            Is.EqualTo(DigestParseError.BadQuotedCharacter));
        Assert.That(injected, Is.Null);
    }
}
