using Softswitch.Sip.Auth;
using Softswitch.Sip.Messages;

namespace Softswitch.Tests.Sip.Auth;

/// <summary>The UAC side of a SIP challenge: 401 → Authorization, 407 → Proxy-Authorization (RFC 3261 §22.2, §22.3).</summary>
public class DigestChallengeAnswerTests
{
    // RFC 7616 §3.9.1, with the method and URI of the example.
    private const string Rfc7616Challenge =
        "Digest realm=\"http-auth@example.org\", qop=\"auth, auth-int\", algorithm=SHA-256, "
        + "nonce=\"7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v\", opaque=\"FQhe/qaU925kfnzjCev0ciny7QMkPqMAFRtzCUYo5tdS\"";

    private const string Rfc2617Challenge =
        "Digest realm=\"testrealm@host.com\", qop=\"auth,auth-int\", nonce=\"dcd98b7102dd2f0e8b11d0f600bfb0c093\", "
        + "opaque=\"5ccc069c403ebaf9f0171e9517f40e41\"";

    private static SipResponse Response(int status, HeaderKind kind, string value)
    {
        var response = new SipResponse(status, ReasonPhrases.For(status));
        response.Headers.Add(kind, value);
        return response;
    }

    [Test]
    public void ProxyChallengeIsAnsweredWithProxyAuthorizationRfc7616Vector()
    {
        var client = new DigestClient(() => "f2/wE4q74E6zIJEtWaHKaf5wv/H5QzzpXusqGemxURZJ");
        var challenge = Response(407, HeaderKind.ProxyAuthenticate, Rfc7616Challenge);

        var error = DigestChallengeAnswer.TryAnswer(client, challenge, "Mufasa", "Circle of Life", "GET", "/dir/index.html",
            out var header, out var value);

        Assert.That(error, Is.EqualTo(DigestParseError.None));
        Assert.That(header, Is.EqualTo(HeaderKind.ProxyAuthorization));
        Assert.That(DigestCredentials.TryParse(value, out var credentials), Is.EqualTo(DigestParseError.None));
        Assert.That(credentials!.Response, Is.EqualTo("753927fa0e85d155564e2e272a28d1802ca10daf4496794697cf8db5856cb6c1"));
    }

    [Test]
    public void WwwChallengeIsAnsweredWithAuthorizationRfc2617Vector()
    {
        var client = new DigestClient(() => "0a4f113b");
        var challenge = Response(401, HeaderKind.WwwAuthenticate, Rfc2617Challenge);

        DigestChallengeAnswer.TryAnswer(client, challenge, "Mufasa", "Circle Of Life", "GET", "/dir/index.html", out var header, out var value);

        Assert.That(header, Is.EqualTo(HeaderKind.Authorization));
        Assert.That(DigestCredentials.TryParse(value, out var credentials), Is.EqualTo(DigestParseError.None));
        Assert.That(credentials!.Response, Is.EqualTo("6629fae49393a05397450978507c4ef1"));
    }

    [Test]
    public void ChallengeInTheWrongHeaderIsNotAnswered()
    {
        // A 407 must carry Proxy-Authenticate; WWW-Authenticate on it is not the proxy's challenge.
        var challenge = Response(407, HeaderKind.WwwAuthenticate, Rfc2617Challenge);

        var error = DigestChallengeAnswer.TryAnswer(new DigestClient(), challenge, "u", "p", "REGISTER", "sip:x", out _, out var value);

        Assert.That(error, Is.EqualTo(DigestParseError.Empty));
        Assert.That(value, Is.Null);
    }

    [Test]
    public void NonChallengeStatusIsRefused()
    {
        var error = DigestChallengeAnswer.TryAnswer(new DigestClient(), Response(403, HeaderKind.WwwAuthenticate, Rfc2617Challenge),
            "u", "p", "REGISTER", "sip:x", out _, out var value);

        Assert.That(error, Is.EqualTo(DigestParseError.Empty));
        Assert.That(value, Is.Null);
    }

    [TestCase(", stale=true", true)]
    [TestCase(", stale=FALSE", false)]
    [TestCase("", false)]
    public void StaleIsReadFromTheChosenChallenge(string stale, bool expected) =>
        Assert.That(DigestChallengeAnswer.IsStale(Response(401, HeaderKind.WwwAuthenticate, Rfc2617Challenge + stale)), Is.EqualTo(expected));
}
