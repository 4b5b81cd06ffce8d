using Microsoft.Extensions.Time.Testing;
using Softswitch.Sip.Auth;

namespace Softswitch.Tests.Sip.Auth;

public class DigestAuthenticatorTests
{
    private const string Realm = "sip.example.com";
    private const string Method = "REGISTER";
    private const string RequestUri = "sip:sip.example.com";
    private const string User = "1001";
    private const string Password = "s3cret!";

    private FakeTimeProvider _time = null!;

    [SetUp]
    public void SetUp() => _time = new FakeTimeProvider(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));

    private DigestAuthenticator NewAuthenticator(Action<DigestAuthOptions>? configure = null)
    {
        var options = new DigestAuthOptions { Realm = Realm };
        configure?.Invoke(options);
        return new DigestAuthenticator(options, _time);
    }

    private static string? Lookup(string username) => username == User ? Password : null;

    private static DigestChallenge Challenge(string value)
    {
        Assert.That(DigestChallenge.TryParse(value, out var challenge), Is.EqualTo(DigestParseError.None));
        return challenge!;
    }

    private static string Answer(DigestChallenge challenge, string user = User, string password = Password, string uri = RequestUri)
    {
        var error = new DigestClient().TryAuthorize(challenge, user, password, Method, uri, out var header);
        Assert.That(error, Is.EqualTo(DigestParseError.None));
        return header!;
    }

    /// <summary>Credentials with an arbitrary nc, computed independently of <see cref="DigestClient"/>.</summary>
    private static string WithNonceCount(DigestChallenge challenge, uint nc, string cnonce = "c0ffee")
    {
        string ncText = nc.ToString("x8", System.Globalization.CultureInfo.InvariantCulture);
        var a = challenge.Algorithm;
        string ha1 = DigestHash.EffectiveHa1(a, DigestHash.Ha1(a, User, Realm, Password), challenge.Nonce, cnonce);
        string response = DigestHash.ResponseHex(a, ha1, challenge.Nonce, ncText, cnonce, "auth", DigestHash.Ha2(a, Method, RequestUri));
        return $"Digest username=\"{User}\", realm=\"{Realm}\", nonce=\"{challenge.Nonce}\", uri=\"{RequestUri}\", "
            + $"response=\"{response}\", algorithm={DigestAlgorithmNames.ToWire(a)}, cnonce=\"{cnonce}\", qop=auth, nc={ncText}";
    }

    [Test]
    public void OffersSha256ThenMd5WithQopAuthAndOpaque()
    {
        var challenges = NewAuthenticator().CreateChallenges();

        Assert.That(challenges, Has.Count.EqualTo(2));
        var sha = Challenge(challenges[0]);
        var md5 = Challenge(challenges[1]);
        Assert.That(sha.Algorithm, Is.EqualTo(DigestAlgorithm.Sha256));
        Assert.That(md5.Algorithm, Is.EqualTo(DigestAlgorithm.Md5));
        Assert.That(sha.Realm, Is.EqualTo(Realm));
        Assert.That(sha.QopOffered && !sha.Stale, Is.True);
        Assert.That(sha.Opaque, Is.Not.Null.And.EqualTo(md5.Opaque));
        Assert.That(challenges[0], Does.StartWith("Digest realm=\"sip.example.com\", nonce=\""));
        Assert.That(challenges[0], Does.EndWith("algorithm=SHA-256, qop=\"auth\""));
    }

    [Test]
    public void NoncesAreFreshEachTime()
    {
        var auth = NewAuthenticator();
        string first = Challenge(auth.CreateChallenges()[0]).Nonce;
        string second = Challenge(auth.CreateChallenges()[0]).Nonce;

        Assert.That(first, Is.Not.EqualTo(second));
    }

    [TestCase(0, DigestAlgorithm.Sha256)]
    [TestCase(1, DigestAlgorithm.Md5)]
    public void RoundTripSucceeds(int challengeIndex, DigestAlgorithm expected)
    {
        var auth = NewAuthenticator();
        var challenge = Challenge(auth.CreateChallenges()[challengeIndex]);

        var result = auth.Verify(Answer(challenge), Method, RequestUri, Lookup);

        Assert.That(challenge.Algorithm, Is.EqualTo(expected));
        Assert.That(result, Is.EqualTo(new DigestVerification(DigestAuthStatus.Success, User, DigestParseError.None)));
        Assert.That(result.CountsAsFailure, Is.False);
    }

    [Test]
    public void ClientPicksSha256FromBothChallenges()
    {
        var auth = NewAuthenticator();
        new DigestClient().TryAuthorize(auth.CreateChallenges(), User, Password, Method, RequestUri, out var header);

        Assert.That(header, Does.Contain("algorithm=SHA-256"));
        Assert.That(auth.Verify(header, Method, RequestUri, Lookup).IsSuccess, Is.True);
    }

    [TestCase(DigestAlgorithm.Sha256Sess)]
    [TestCase(DigestAlgorithm.Md5Sess)]
    public void SessionAlgorithmsRoundTrip(DigestAlgorithm algorithm)
    {
        var auth = NewAuthenticator(o => o.Algorithms = [algorithm]);
        var challenge = Challenge(auth.CreateChallenges()[0]);

        Assert.That(auth.Verify(Answer(challenge), Method, RequestUri, Lookup).Status, Is.EqualTo(DigestAuthStatus.Success));
    }

    [Test]
    public void Ha1LookupVerifiesLikePasswords()
    {
        var auth = NewAuthenticator();
        var challenge = Challenge(auth.CreateChallenges()[0]);
        var seen = new List<DigestAlgorithm>();

        var result = auth.VerifyWithHa1(Answer(challenge), Method, RequestUri, (user, algorithm) =>
        {
            seen.Add(algorithm);
            return user == User ? DigestHash.Ha1(algorithm, User, Realm, Password).ToUpperInvariant() : null;
        });

        Assert.That(result.IsSuccess, Is.True);
        Assert.That(seen, Is.EqualTo(new[] { DigestAlgorithm.Sha256 }));
    }

    [Test]
    public void MissingCredentialsAskForAChallengeWithoutCountingAsFailure()
    {
        var result = NewAuthenticator().Verify(null, Method, RequestUri, Lookup);

        Assert.That(result.Status, Is.EqualTo(DigestAuthStatus.Missing));
        Assert.That(result.CountsAsFailure, Is.False);
    }

    [Test]
    public void ExpiredNonceWithRightPasswordIsStaleAndRechallengedWithStaleTrue()
    {
        var auth = NewAuthenticator();
        string header = Answer(Challenge(auth.CreateChallenges()[0]));
        _time.Advance(TimeSpan.FromSeconds(301));

        var result = auth.Verify(header, Method, RequestUri, Lookup);
        var rechallenge = auth.CreateChallenges(result);

        Assert.That(result.Status, Is.EqualTo(DigestAuthStatus.StaleNonce));
        Assert.That(result.CountsAsFailure, Is.False);
        Assert.That(rechallenge, Has.All.EndsWith(", stale=true"));
        Assert.That(Challenge(rechallenge[0]).Stale, Is.True);
    }

    [Test]
    public void NonceIsStillValidJustBeforeItsLifetimeEnds()
    {
        var auth = NewAuthenticator();
        string header = Answer(Challenge(auth.CreateChallenges()[0]));
        _time.Advance(TimeSpan.FromSeconds(299));

        Assert.That(auth.Verify(header, Method, RequestUri, Lookup).IsSuccess, Is.True);
    }

    [Test]
    public void ExpiredNonceWithWrongPasswordIsNotPromisedStale()
    {
        var auth = NewAuthenticator();
        string header = Answer(Challenge(auth.CreateChallenges()[0]), password: "guess");
        _time.Advance(TimeSpan.FromSeconds(301));

        Assert.That(auth.Verify(header, Method, RequestUri, Lookup).Status, Is.EqualTo(DigestAuthStatus.WrongCredentials));
    }

    [Test]
    public void ForgedNoncesAreRejected()
    {
        var auth = NewAuthenticator();
        var genuine = Challenge(auth.CreateChallenges()[0]);
        char flipped = genuine.Nonce[10] == 'A' ? 'B' : 'A';
        string tampered = genuine.Nonce[..10] + flipped + genuine.Nonce[11..];
        var otherInstance = Challenge(NewAuthenticator().CreateChallenges()[0]);

        foreach (string nonce in new[] { tampered, "deadbeef", new string('A', genuine.Nonce.Length), otherInstance.Nonce })
        {
            var forged = genuine with { Nonce = nonce };
            var result = auth.Verify(Answer(forged), Method, RequestUri, Lookup);
            Assert.That(result.Status, Is.EqualTo(DigestAuthStatus.BadNonce), nonce);
            Assert.That(result.CountsAsFailure, Is.False, "a nonce we did not issue checks no password: challenged again, not counted");
        }
    }

    [Test]
    public void WrongOpaqueIsRejected()
    {
        var auth = NewAuthenticator();
        var challenge = Challenge(auth.CreateChallenges()[0]) with { Opaque = "not-ours" };

        Assert.That(auth.Verify(Answer(challenge), Method, RequestUri, Lookup).Status, Is.EqualTo(DigestAuthStatus.BadNonce));
    }

    [Test]
    public void ReplayedNonceCountIsRejected()
    {
        var auth = NewAuthenticator();
        string header = Answer(Challenge(auth.CreateChallenges()[0]));

        Assert.That(auth.Verify(header, Method, RequestUri, Lookup).Status, Is.EqualTo(DigestAuthStatus.Success));
        Assert.That(auth.Verify(header, Method, RequestUri, Lookup).Status, Is.EqualTo(DigestAuthStatus.Replay));
    }

    [Test]
    public void IncreasingNonceCountIsAcceptedAndGoingBackIsReplay()
    {
        var auth = NewAuthenticator();
        var challenge = Challenge(auth.CreateChallenges()[0]);

        Assert.Multiple(() =>
        {
            Assert.That(auth.Verify(WithNonceCount(challenge, 1), Method, RequestUri, Lookup).Status, Is.EqualTo(DigestAuthStatus.Success));
            Assert.That(auth.Verify(WithNonceCount(challenge, 2), Method, RequestUri, Lookup).Status, Is.EqualTo(DigestAuthStatus.Success));
            Assert.That(auth.Verify(WithNonceCount(challenge, 7), Method, RequestUri, Lookup).Status, Is.EqualTo(DigestAuthStatus.Success));
            Assert.That(auth.Verify(WithNonceCount(challenge, 5, "other"), Method, RequestUri, Lookup).Status, Is.EqualTo(DigestAuthStatus.Replay));
            Assert.That(auth.Verify(WithNonceCount(challenge, 7, "other"), Method, RequestUri, Lookup).Status, Is.EqualTo(DigestAuthStatus.Replay));
            Assert.That(auth.Verify(WithNonceCount(challenge, 8), Method, RequestUri, Lookup).Status, Is.EqualTo(DigestAuthStatus.Success));
        });
    }

    [Test]
    public void ClientReusingANonceSendsIncreasingCounts()
    {
        var auth = NewAuthenticator();
        var client = new DigestClient();
        var challenges = auth.CreateChallenges();

        for (int k = 1; k <= 3; k++)
        {
            client.TryAuthorize(challenges, User, Password, Method, RequestUri, out var header);
            Assert.That(header, Does.EndWith($"nc=0000000{k}"));
            Assert.That(auth.Verify(header, Method, RequestUri, Lookup).IsSuccess, Is.True);
        }
    }

    [Test]
    public void WrongResponseDoesNotBurnTheNonceCount()
    {
        var auth = NewAuthenticator();
        var challenge = Challenge(auth.CreateChallenges()[0]);
        string forged = WithNonceCount(challenge, 0xffffffff).Replace("response=\"", "response=\"0", StringComparison.Ordinal);

        Assert.That(auth.Verify(forged, Method, RequestUri, Lookup).Status, Is.EqualTo(DigestAuthStatus.WrongCredentials));
        Assert.That(auth.Verify(WithNonceCount(challenge, 1), Method, RequestUri, Lookup).IsSuccess, Is.True);
    }

    [Test]
    public void UnknownUserAndWrongPasswordAreIndistinguishable()
    {
        var auth = NewAuthenticator();
        var challenge = Challenge(auth.CreateChallenges()[0]);
        int lookups = 0;
        string? CountingLookup(string user)
        {
            lookups++;
            return Lookup(user);
        }

        var wrongPassword = auth.Verify(Answer(challenge, User, "guess"), Method, RequestUri, CountingLookup);
        var unknownUser = auth.Verify(Answer(challenge, "9999", Password), Method, RequestUri, CountingLookup);

        Assert.That(wrongPassword with { Username = null }, Is.EqualTo(unknownUser with { Username = null }));
        Assert.That(wrongPassword.Status, Is.EqualTo(DigestAuthStatus.WrongCredentials));
        Assert.That(wrongPassword.CountsAsFailure, Is.EqualTo(unknownUser.CountsAsFailure));
        Assert.That(auth.CreateChallenges(wrongPassword)[0].Length, Is.EqualTo(auth.CreateChallenges(unknownUser)[0].Length));
        Assert.That(lookups, Is.EqualTo(2));
    }

    [Test]
    public void UnknownUserMatchingTheDummyIsNeverAccepted()
    {
        // Even a response that happens to be well formed for a user the lookup does not know is refused.
        var auth = NewAuthenticator();
        var challenge = Challenge(auth.CreateChallenges()[0]);

        var result = auth.Verify(Answer(challenge, "ghost", ""), Method, RequestUri, _ => null);

        Assert.That(result.Status, Is.EqualTo(DigestAuthStatus.WrongCredentials));
    }

    [TestCase("response=\"zz\"")]
    [TestCase("response=\"\"")]
    [TestCase("response=\"6629fae49393a05397450978507c4ef1\"")]
    public void MalformedResponseValuesAreWrongCredentials(string response)
    {
        var auth = NewAuthenticator();
        string header = Answer(Challenge(auth.CreateChallenges()[0]));
        int start = header.IndexOf("response=\"", StringComparison.Ordinal);
        int end = header.IndexOf('"', start + 10);
        string mangled = header[..start] + response + header[(end + 1)..];

        Assert.That(auth.Verify(mangled, Method, RequestUri, Lookup).Status, Is.EqualTo(DigestAuthStatus.WrongCredentials));
    }

    [Test]
    public void OtherRealmIsRejected()
    {
        var auth = NewAuthenticator();
        var challenge = Challenge(auth.CreateChallenges()[0]) with { Realm = "evil.example.com" };

        Assert.That(auth.Verify(Answer(challenge), Method, RequestUri, Lookup).Status, Is.EqualTo(DigestAuthStatus.UnknownRealm));
    }

    [Test]
    public void AlgorithmNotOfferedIsRejected()
    {
        var auth = NewAuthenticator(o => o.Algorithms = [DigestAlgorithm.Sha256]);
        var challenge = Challenge(auth.CreateChallenges()[0]) with { Algorithm = DigestAlgorithm.Md5 };

        var result = auth.Verify(Answer(challenge), Method, RequestUri, Lookup);

        Assert.That(result.Status, Is.EqualTo(DigestAuthStatus.UnsupportedAlgorithm));
    }

    [TestCase("sip:sip.example.com:5060", true)]
    [TestCase("SIP:SIP.Example.COM;transport=udp", true)]
    [TestCase("<sip:sip.example.com>", true)]
    [TestCase("sips:sip.example.com", false)]
    [TestCase("sip:other.example.com", false)]
    [TestCase("sip:1001@sip.example.com", false)]
    [TestCase("garbage", false)]
    public void UriIsComparedLeniently(string digestUri, bool accepted)
    {
        var auth = NewAuthenticator();
        string header = Answer(Challenge(auth.CreateChallenges()[0]), uri: digestUri);

        var status = auth.Verify(header, Method, RequestUri, Lookup).Status;

        Assert.That(status, Is.EqualTo(accepted ? DigestAuthStatus.Success : DigestAuthStatus.UriMismatch));
    }

    [Test]
    public void LegacyNoQopCredentialsAreAcceptedOnlyWhenAllowed()
    {
        // RFC 2069 style: the server's challenge without qop, so the client answers without cnonce/nc.
        foreach (bool allow in new[] { true, false })
        {
            var auth = NewAuthenticator(o => o.AllowLegacyNoQop = allow);
            var challenge = Challenge(auth.CreateChallenges()[1]) with { QopOffered = false };
            string header = Answer(challenge);

            var result = auth.Verify(header, Method, RequestUri, Lookup);

            Assert.That(header, Does.Not.Contain("nc="));
            Assert.That(result.Status, Is.EqualTo(allow ? DigestAuthStatus.Success : DigestAuthStatus.Malformed));
        }
    }

    [Test]
    public void HostileHeadersAreMalformedNotExceptions()
    {
        var auth = NewAuthenticator();
        string valid = Answer(Challenge(auth.CreateChallenges()[0]));

        for (int length = 0; length < valid.Length; length++)
        {
            string prefix = valid[..length];
            DigestVerification result = default;
            Assert.DoesNotThrow(() => result = auth.Verify(prefix, Method, RequestUri, Lookup), prefix);
            Assert.That(result.IsSuccess, Is.False, prefix);
        }
        Assert.That(auth.Verify("Basic dXNlcjpwYXNz", Method, RequestUri, Lookup),
            Is.EqualTo(new DigestVerification(DigestAuthStatus.Malformed, null, DigestParseError.NotDigest)));
        Assert.That(auth.Verify(valid + ", response=\"00\"", Method, RequestUri, Lookup).Detail,
            Is.EqualTo(DigestParseError.DuplicateParameter));
    }

    [Test]
    public void InvalidOptionsFailFastNamingTheKey()
    {
        var ex = Assert.Throws<ArgumentException>(() => NewAuthenticator(o => o.NonceLifetime = TimeSpan.Zero));
        Assert.That(ex!.Message, Does.Contain(nameof(DigestAuthOptions.NonceLifetime)));
        Assert.Throws<ArgumentException>(() => new DigestAuthenticator(new DigestAuthOptions(), _time));
        Assert.That(new DigestAuthOptionsValidator().Validate(null, new DigestAuthOptions()).FailureMessage,
            Does.Contain(nameof(DigestAuthOptions.Realm)));
        Assert.That(new DigestAuthOptionsValidator().Validate(null, new DigestAuthOptions { Realm = "r" }).Succeeded, Is.True);
    }
}
