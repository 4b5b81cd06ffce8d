using Softswitch.Sip.Auth;

namespace Softswitch.Tests.Sip.Auth;

/// <summary>The worked examples of RFC 2617 §3.5 and RFC 7616 §3.9.1, end to end through parser and client.</summary>
public class DigestRfcExampleTests
{
    // RFC 2617 §3.5 (folded across lines as printed in the RFC).
    private const string Rfc2617Challenge =
        "Digest\r\n realm=\"testrealm@host.com\",\r\n qop=\"auth,auth-int\",\r\n"
        + " nonce=\"dcd98b7102dd2f0e8b11d0f600bfb0c093\",\r\n opaque=\"5ccc069c403ebaf9f0171e9517f40e41\"";

    // RFC 7616 §3.9.1, SHA-256 challenge.
    private const string Rfc7616Challenge =
        "Digest realm=\"http-auth@example.org\", qop=\"auth, auth-int\", algorithm=SHA-256, "
        + "nonce=\"7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v\", opaque=\"FQhe/qaU925kfnzjCev0ciny7QMkPqMAFRtzCUYo5tdS\"";

    private const string Rfc7616Cnonce = "f2/wE4q74E6zIJEtWaHKaf5wv/H5QzzpXusqGemxURZJ";

    [Test]
    public void Rfc2617Md5Example()
    {
        string ha1 = DigestHash.Ha1(DigestAlgorithm.Md5, "Mufasa", "testrealm@host.com", "Circle Of Life");
        string ha2 = DigestHash.Ha2(DigestAlgorithm.Md5, "GET", "/dir/index.html");
        string response = DigestHash.ResponseHex(
            DigestAlgorithm.Md5, ha1, "dcd98b7102dd2f0e8b11d0f600bfb0c093", "00000001", "0a4f113b", "auth", ha2);

        Assert.That(response, Is.EqualTo("6629fae49393a05397450978507c4ef1"));
    }

    [Test]
    public void Rfc2617ExampleThroughClient()
    {
        var client = new DigestClient(() => "0a4f113b");

        var error = client.TryAuthorize([Rfc2617Challenge], "Mufasa", "Circle Of Life", "GET", "/dir/index.html", out var header);

        Assert.That(error, Is.EqualTo(DigestParseError.None));
        Assert.That(DigestCredentials.TryParse(header, out var credentials), Is.EqualTo(DigestParseError.None));
        Assert.That(credentials!.Response, Is.EqualTo("6629fae49393a05397450978507c4ef1"));
        Assert.That(credentials.Opaque, Is.EqualTo("5ccc069c403ebaf9f0171e9517f40e41"));
        Assert.That(credentials.NonceCountText, Is.EqualTo("00000001"));
    }

    [Test]
    public void Rfc7616Sha256ExampleThroughClient()
    {
        var client = new DigestClient(() => Rfc7616Cnonce);

        var error = client.TryAuthorize([Rfc7616Challenge], "Mufasa", "Circle of Life", "GET", "/dir/index.html", out var header);

        Assert.That(error, Is.EqualTo(DigestParseError.None));
        Assert.That(DigestCredentials.TryParse(header, out var credentials), Is.EqualTo(DigestParseError.None));
        Assert.That(credentials!.Algorithm, Is.EqualTo(DigestAlgorithm.Sha256));
        Assert.That(credentials.Response, Is.EqualTo("753927fa0e85d155564e2e272a28d1802ca10daf4496794697cf8db5856cb6c1"));
    }

    [Test]
    public void Rfc7616Md5ExampleThroughClient()
    {
        var client = new DigestClient(() => Rfc7616Cnonce);
        string md5Challenge = Rfc7616Challenge.Replace("algorithm=SHA-256", "algorithm=MD5", StringComparison.Ordinal);

        client.TryAuthorize([md5Challenge], "Mufasa", "Circle of Life", "GET", "/dir/index.html", out var header);

        DigestCredentials.TryParse(header, out var credentials);
        Assert.That(credentials!.Response, Is.EqualTo("8ca523f5e9506fed4657c9700eebdbec"));
    }

    [Test]
    public void Rfc7616AuthorizationHeaderParses()
    {
        const string header =
            "Digest username=\"Mufasa\",\r\n realm=\"http-auth@example.org\",\r\n uri=\"/dir/index.html\",\r\n"
            + " algorithm=SHA-256,\r\n nonce=\"7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v\",\r\n nc=00000001,\r\n"
            + " cnonce=\"f2/wE4q74E6zIJEtWaHKaf5wv/H5QzzpXusqGemxURZJ\",\r\n qop=auth,\r\n"
            + " response=\"753927fa0e85d155564e2e272a28d1802ca10daf4496794697cf8db5856cb6c1\",\r\n"
            + " opaque=\"FQhe/qaU925kfnzjCev0ciny7QMkPqMAFRtzCUYo5tdS\"";

        Assert.That(DigestCredentials.TryParse(header, out var c), Is.EqualTo(DigestParseError.None));
        Assert.That(c!.Username, Is.EqualTo("Mufasa"));
        Assert.That(c.NonceCount, Is.EqualTo(1u));
        Assert.That(c.Qop, Is.EqualTo("auth"));
        Assert.That(c.Cnonce, Is.EqualTo(Rfc7616Cnonce));
    }

    [TestCase("Digest realm=\"r\", nonce=\"n\", uri=\"u\", response=\"x\"", DigestParseError.MissingParameter)]
    [TestCase("Digest username=\"u\", realm=\"r\", nonce=\"n\", uri=\"u\", response=\"x\", qop=auth, nc=00000001", DigestParseError.MissingParameter)]
    [TestCase("Digest username=\"u\", realm=\"r\", nonce=\"n\", uri=\"u\", response=\"x\", qop=auth, cnonce=\"c\", nc=1", DigestParseError.BadNonceCount)]
    [TestCase("Digest username=\"u\", realm=\"r\", nonce=\"n\", uri=\"u\", response=\"x\", qop=auth, cnonce=\"c\", nc=0000000g", DigestParseError.BadNonceCount)]
    [TestCase("Digest username=\"u\", realm=\"r\", nonce=\"n\", uri=\"u\", response=\"x\", qop=auth, cnonce=\"c\", nc=00000000", DigestParseError.BadNonceCount)]
    [TestCase("Digest username=\"u\", realm=\"r\", nonce=\"n\", uri=\"u\", response=\"x\", qop=auth-int, cnonce=\"c\", nc=00000001", DigestParseError.UnsupportedQop)]
    [TestCase("Digest username=\"u\", realm=\"r\", nonce=\"n\", uri=\"u\", response=\"x\", algorithm=SHA-512-256", DigestParseError.UnsupportedAlgorithm)]
    [TestCase("Digest username=\"u\", realm=\"r\", nonce=\"n\", uri=\"u\", response=\"x\", userhash=true", DigestParseError.UnsupportedUserHash)]
    [TestCase("Digest username=\"u\", realm=\"r\", nonce=\"n\", uri=\"u\", response=\"x\", algorithm=MD5-sess", DigestParseError.MissingParameter)]
    public void CredentialsRefusedWithPreciseReason(string header, DigestParseError expected)
    {
        Assert.That(DigestCredentials.TryParse(header, out var c), Is.EqualTo(expected));
        Assert.That(c, Is.Null);
    }
}
