using System.Net;
using System.Text;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Softswitch.Core.Phones;
using Softswitch.Core.Registrations;
using Softswitch.Sip.Auth;
using Softswitch.Sip.Messages;
using Softswitch.Sip.Parsing;
using Softswitch.Sip.Registrar;

namespace Softswitch.Tests.Sip.Registrar;

public class RegistrarTests
{
    private sealed class Phones : IPhoneDirectory
    {
        public Dictionary<string, PhoneCredentials> Entries { get; } = new()
        {
            ["1001"] = new PhoneCredentials("1001", "secret1001", "demo", false),
            ["1009"] = new PhoneCredentials("1009", "secret1009", "demo", true),
        };

        public PhoneCredentials? FindCredentials(string e164) => Entries.GetValueOrDefault(e164);

        public PhoneCredentials? FindByNumber(string number) => Entries.GetValueOrDefault(number);
    }

    private FakeTimeProvider _time = null!;
    private RegistrationTable _table = null!;
    private Softswitch.Sip.Registrar.Registrar _registrar = null!;
    private int _cseq;

    [SetUp]
    public void SetUp()
    {
        _time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 22, 12, 0, 0, TimeSpan.Zero));
        _table = new RegistrationTable();
        _registrar = new Softswitch.Sip.Registrar.Registrar(
            new RegistrarOptions(), new AuthOptions { FailureLimit = 3 }, new Phones(), _table, _time,
            NullLogger<Softswitch.Sip.Registrar.Registrar>.Instance);
        _cseq = 0;
    }

    private SipRequest Register(string user, string? authorization = null, string expires = "300", string contact = "<sip:{0}@10.0.0.5:5070>", string source = "10.0.0.5") =>
        RegisterRequests.Build(user, ++_cseq, authorization, expires, contact, source);

    /// <summary>The first REGISTER is challenged; the answer to the challenge is returned.</summary>
    private SipResponse Authenticated(string user, string password, string expires = "300", string contact = "<sip:{0}@10.0.0.5:5070>", string source = "10.0.0.5")
    {
        var challenge = _registrar.Handle(Register(user, source: source));
        Assert.That(challenge.StatusCode, Is.EqualTo(401));
        var error = new DigestClient().TryAuthorize(challenge.Headers.GetAll(HeaderKind.WwwAuthenticate), user, password, "REGISTER", "sip:127.0.0.1", out string? authorization);
        Assert.That(error, Is.EqualTo(DigestParseError.None));
        return _registrar.Handle(Register(user, authorization, expires, contact, source));
    }

    [Test]
    public void ChallengeOffersMd5OnlyByDefault()
    {
        var response = _registrar.Handle(Register("1001"));
        Assert.That(response.Headers.GetAll(HeaderKind.WwwAuthenticate).Single(), Does.Contain("algorithm=MD5"));
    }

    [Test]
    public void ChallengeOffersConfiguredAlgorithmsInOrder()
    {
        _registrar = new Softswitch.Sip.Registrar.Registrar(
            new RegistrarOptions(), new AuthOptions { Algorithms = ["MD5", "SHA-256"] }, new Phones(), _table, _time,
            NullLogger<Softswitch.Sip.Registrar.Registrar>.Instance);
        var response = _registrar.Handle(Register("1001"));
        var challenges = response.Headers.GetAll(HeaderKind.WwwAuthenticate).ToList();
        Assert.That(response.StatusCode, Is.EqualTo(401));
        Assert.That(challenges, Has.Count.EqualTo(2));
        Assert.That(challenges[0], Does.Contain("algorithm=MD5"));
        Assert.That(challenges[1], Does.Contain("algorithm=SHA-256"));
        Assert.That(response.To.Tag, Is.Not.Null);
    }

    [TestCase("NotDigest username=\"1001\", realm=\"softswitch\"")]
    [TestCase("Basic MTAwMTpzZWNyZXQxMDAx")]
    public void CredentialsInAnUnknownSchemeAreChallengedNotRefused(string authorization)
    {
        // RFC 7235 §4.1: a scheme the server does not offer is ignored, so the request is challenged.
        var response = _registrar.Handle(Register("1001", authorization));
        Assert.That(response.StatusCode, Is.EqualTo(401));
        Assert.That(response.Headers.GetAll(HeaderKind.WwwAuthenticate).Single(), Does.StartWith("Digest "));
    }

    [Test]
    public void DigestCredentialsBesideAnUnknownSchemeAreVerified()
    {
        var challenge = _registrar.Handle(Register("1001"));
        var error = new DigestClient().TryAuthorize(challenge.Headers.GetAll(HeaderKind.WwwAuthenticate), "1001", "secret1001", "REGISTER", "sip:127.0.0.1", out string? authorization);
        Assert.That(error, Is.EqualTo(DigestParseError.None));
        var request = Register("1001");
        request.Headers.Add(HeaderKind.Authorization, "NotDigest a=b");
        request.Headers.Add(HeaderKind.Authorization, authorization!);
        Assert.That(_registrar.Handle(request).StatusCode, Is.EqualTo(200));
    }

    [Test]
    public void CorrectPasswordBindsContactWithExpiry()
    {
        var response = Authenticated("1001", "secret1001");
        Assert.That(response.StatusCode, Is.EqualTo(200));
        Assert.That(response.Headers.Get(HeaderKind.Contact), Is.EqualTo("<sip:1001@10.0.0.5:5070>;expires=300"));
        var binding = _table.Get("1001", _time.GetUtcNow()).Single();
        Assert.That(binding.SourceIp, Is.EqualTo("10.0.0.5"));
    }

    [Test]
    public void WrongPasswordAndUnknownUserGetTheSameAnswer()
    {
        var wrong = Authenticated("1001", "guess");
        var unknown = Authenticated("7777", "guess");
        Assert.That(wrong.StatusCode, Is.EqualTo(403));
        Assert.That(unknown.StatusCode, Is.EqualTo(wrong.StatusCode));
        Assert.That(unknown.ReasonPhrase, Is.EqualTo(wrong.ReasonPhrase));
        Assert.That(unknown.Headers.Count, Is.EqualTo(wrong.Headers.Count));
    }

    [Test]
    public void NoncesFromAnEarlierProcessAreChallengedAgainAndNeverBlockTheSource()
    {
        var earlier = new Softswitch.Sip.Registrar.Registrar(
            new RegistrarOptions(), new AuthOptions { FailureLimit = 3 }, new Phones(), new RegistrationTable(), _time,
            NullLogger<Softswitch.Sip.Registrar.Registrar>.Instance);
        var oldChallenge = earlier.Handle(Register("1001"));
        var error = new DigestClient().TryAuthorize(oldChallenge.Headers.GetAll(HeaderKind.WwwAuthenticate), "1001", "secret1001", "REGISTER",
            "sip:127.0.0.1", out string? stale);
        Assert.That(error, Is.EqualTo(DigestParseError.None));

        for (int i = 0; i < 10; i++)
        {
            Assert.That(_registrar.Handle(Register("1001", stale)).StatusCode, Is.EqualTo(401), "a foreign nonce is challenged again");
        }
        Assert.That(Authenticated("1001", "secret1001").StatusCode, Is.EqualTo(200), "the source was not blocked (FailureLimit 3)");
    }

    [Test]
    public void RepeatedFailuresBlockTheSourceEvenForTheRightPassword()
    {
        for (int i = 0; i < 3; i++)
        {
            Assert.That(Authenticated("1001", "guess" + i).StatusCode, Is.EqualTo(403));
        }
        var blocked = _registrar.Handle(Register("1001"));
        Assert.That(blocked.StatusCode, Is.EqualTo(403), "a blocked source is not even challenged");
        Assert.That(Authenticated("1001", "secret1001", source: "10.0.0.6").StatusCode, Is.EqualTo(200), "other sources are unaffected");
        _time.Advance(TimeSpan.FromSeconds(61));
        Assert.That(Authenticated("1001", "secret1001").StatusCode, Is.EqualTo(200));
    }

    [Test]
    public void TooShortExpiryGets423WithMinExpires()
    {
        var response = Authenticated("1001", "secret1001", expires: "10");
        Assert.That(response.StatusCode, Is.EqualTo(423));
        Assert.That(response.Headers.Get(HeaderKind.MinExpires), Is.EqualTo("60"));
        Assert.That(_table.IsOnline("1001", _time.GetUtcNow()), Is.False);
    }

    [Test]
    public void LongExpiryIsCappedAtMaxExpires()
    {
        var response = Authenticated("1001", "secret1001", expires: "99999");
        Assert.That(response.Headers.Get(HeaderKind.Contact), Does.EndWith(";expires=3600"));
    }

    [Test]
    public void SeveralContactsThenExpiresZeroRemovesOne()
    {
        Authenticated("1001", "secret1001", contact: "<sip:1001@10.0.0.5:5070>, <sip:1001@10.0.0.5:5072>;expires=120");
        var bindings = _table.Get("1001", _time.GetUtcNow());
        Assert.That(bindings.Select(b => b.ExpiresInSeconds(_time.GetUtcNow())), Is.EquivalentTo(new[] { 300, 120 }));

        var response = Authenticated("1001", "secret1001", expires: "0", contact: "<sip:1001@10.0.0.5:5072>");
        Assert.That(response.StatusCode, Is.EqualTo(200));
        Assert.That(response.Headers.GetAll(HeaderKind.Contact).Count(), Is.EqualTo(1));
    }

    [Test]
    public void WildcardWithExpiresZeroRemovesAll()
    {
        Authenticated("1001", "secret1001");
        var response = Authenticated("1001", "secret1001", expires: "0", contact: "*");
        Assert.That(response.StatusCode, Is.EqualTo(200));
        Assert.That(response.Headers.Contains(HeaderKind.Contact), Is.False);
        Assert.That(_table.IsOnline("1001", _time.GetUtcNow()), Is.False);
    }

    [Test]
    public void WildcardWithNonZeroExpiresIs400()
    {
        var response = Authenticated("1001", "secret1001", expires: "300", contact: "*");
        Assert.That(response.StatusCode, Is.EqualTo(400));
    }

    [Test]
    public void BindingsExpireAndAreSwept()
    {
        Authenticated("1001", "secret1001", expires: "60");
        _time.Advance(TimeSpan.FromSeconds(59));
        Assert.That(_registrar.Sweep(), Is.Zero);
        _time.Advance(TimeSpan.FromSeconds(1));
        Assert.That(_registrar.Sweep(), Is.EqualTo(1));
        Assert.That(_table.PhoneCount, Is.Zero);
    }

    [Test]
    public void LockedPhoneIsRefused()
    {
        Assert.That(Authenticated("1009", "secret1009").StatusCode, Is.EqualTo(403));
    }

    [Test]
    public void CredentialsOfOnePhoneCannotRegisterAnother()
    {
        var challenge = _registrar.Handle(Register("1002"));
        new DigestClient().TryAuthorize(challenge.Headers.GetAll(HeaderKind.WwwAuthenticate), "1001", "secret1001", "REGISTER", "sip:127.0.0.1", out string? authorization);
        Assert.That(_registrar.Handle(Register("1002", authorization)).StatusCode, Is.EqualTo(403));
    }

    [Test]
    public void StaleNonceIsRechallengedWithStaleTrue()
    {
        var challenge = _registrar.Handle(Register("1001"));
        new DigestClient().TryAuthorize(challenge.Headers.GetAll(HeaderKind.WwwAuthenticate), "1001", "secret1001", "REGISTER", "sip:127.0.0.1", out string? authorization);
        _time.Advance(TimeSpan.FromSeconds(301));
        var response = _registrar.Handle(Register("1001", authorization));
        Assert.That(response.StatusCode, Is.EqualTo(401));
        Assert.That(response.Headers.Get(HeaderKind.WwwAuthenticate), Does.Contain("stale=true"));
    }

    [Test]
    public void MalformedAuthorizationIs400()
    {
        var response = _registrar.Handle(Register("1001", "Digest username=\"1001, realm="));
        Assert.That(response.StatusCode, Is.EqualTo(400));
        Assert.That(response.ReasonPhrase, Does.StartWith("Bad Request - Authorization"));
    }
}
