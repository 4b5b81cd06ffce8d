using Softswitch.Core.Gateways;
using Softswitch.Sip.Auth;
using Softswitch.Sip.Messages;
using Softswitch.Sip.Trunks;
using Softswitch.Tests.Sip.Transactions;

namespace Softswitch.Tests.Sip.Trunks;

/// <summary>Registering to a carrier (registerType 2, 001_… §3.16): digest, refresh, presence, unregister.</summary>
public class UpstreamRegistrarTests : UpstreamFixture
{
    [Test]
    public void FirstRegisterGoesToTheCarrierWithTheGatewayNameAsUser()
    {
        Registrar.Start();

        Assert.That(Registers, Has.Count.EqualTo(1));
        var register = LastRegister;
        Assert.That(Transport.Sent[0].Destination, Is.EqualTo(TestMessages.Peer));
        Assert.That(register.RequestUri.ToString(), Is.EqualTo("sip:198.51.100.7:5062"));
        Assert.That(register.To.Uri.ToString(), Is.EqualTo("sip:carrier1@198.51.100.7:5062"));
        Assert.That(register.From.Uri.ToString(), Is.EqualTo("sip:carrier1@198.51.100.7:5062"));
        Assert.That(register.From.Tag, Is.Not.Null);
        Assert.That(register.Headers.Get(HeaderKind.Contact), Is.EqualTo($"<sip:carrier1@{FakeTransport.Local}>"));
        Assert.That(register.Expires, Is.EqualTo(3600));
        Assert.That(register.Headers.Contains(HeaderKind.Authorization), Is.False);
        Assert.That(Registrar.StateOf("carrier1"), Is.EqualTo(UpstreamRegistrationState.Registering));
    }

    [TestCase(401, "MD5", HeaderKind.Authorization)]
    [TestCase(401, "SHA-256", HeaderKind.Authorization)]
    [TestCase(407, "MD5", HeaderKind.ProxyAuthorization)]
    [TestCase(407, "SHA-256", HeaderKind.ProxyAuthorization)]
    public void AnswersTheChallengeWithAValidDigest(int status, string algorithm, HeaderKind expected)
    {
        Registrar.Start();
        Challenge(status, algorithm: algorithm);

        Assert.That(Registers, Has.Count.EqualTo(2));
        var first = Registers[0];
        var second = Registers[1];
        Assert.That(second.CallId, Is.EqualTo(first.CallId), "one Call-ID per binding (RFC 3261 §10.2.4)");
        Assert.That(second.CSeq.Number, Is.EqualTo(first.CSeq.Number + 1));
        Assert.That(second.TopVia.Branch, Is.Not.EqualTo(first.TopVia.Branch), "a new transaction");
        Assert.That(DigestCredentials.TryParse(second.Headers.Get(expected), out var credentials), Is.EqualTo(DigestParseError.None));
        Assert.That(credentials!.Username, Is.EqualTo("carrier1"));
        Assert.That(credentials.Uri, Is.EqualTo("sip:198.51.100.7:5062"));
        Assert.That(credentials.NonceCountText, Is.EqualTo("00000001"));
        Assert.That(DigestAlgorithmNames.TryParse(algorithm, out var parsed), Is.True);
        string ha1 = DigestHash.Ha1(parsed, "carrier1", Realm, "s3cret");
        string ha2 = DigestHash.Ha2(parsed, "REGISTER", "sip:198.51.100.7:5062");
        Assert.That(credentials.Response, Is.EqualTo(DigestHash.ResponseHex(parsed, ha1, "n0nce-1", "00000001", credentials.Cnonce, "auth", ha2)));
    }

    [Test]
    public void GrantedBindingShowsOnlineWithTheRegisterName()
    {
        RegisterThroughChallenge(granted: 120);

        Assert.That(Registrar.StateOf("carrier1"), Is.EqualTo(UpstreamRegistrationState.Registered));
        var entry = Presence.Get(GatewayKind.Routing, "carrier1", Time.GetUtcNow());
        Assert.That(entry, Is.Not.Null);
        Assert.That(entry!.RegisterName, Is.EqualTo("carrier1"));
        Assert.That(entry.RemoteAddress, Is.EqualTo("198.51.100.7:5062"));
        Assert.That(entry.ExpiresAt - Time.GetUtcNow(), Is.EqualTo(Seconds(120)));
        Assert.That(entry.RegisteredAt, Is.Not.Null);
    }

    [Test]
    public void RefreshesTheMarginBeforeExpiryOnTheSameCallId()
    {
        RegisterThroughChallenge(granted: 120);
        var registered = LastRegister;

        Run(Seconds(87.9));
        Assert.That(Registers, Has.Count.EqualTo(2), "no refresh before 120 - 32 s");
        Run(Seconds(0.2));
        Assert.That(Registers, Has.Count.EqualTo(3));
        Assert.That(LastRegister.CallId, Is.EqualTo(registered.CallId));
        Assert.That(LastRegister.CSeq.Number, Is.EqualTo(registered.CSeq.Number + 1));
        Assert.That(Registrar.StateOf("carrier1"), Is.EqualTo(UpstreamRegistrationState.Refreshing));
        Assert.That(Online(), Is.True, "the old binding still holds while refreshing");

        Challenge(nonce: "n0nce-2");
        Answer(200, (HeaderKind.Expires, "120"));
        Assert.That(Registrar.StateOf("carrier1"), Is.EqualTo(UpstreamRegistrationState.Registered));
        Assert.That(Presence.Get(GatewayKind.Routing, "carrier1", Time.GetUtcNow())!.ExpiresAt - Time.GetUtcNow(), Is.EqualTo(Seconds(120)));
    }

    [TestCase(3600, 3568)]
    [TestCase(120, 88)]
    [TestCase(40, 20)]
    [TestCase(1, 0.5)]
    public void RefreshDelayIsTheMarginOrHalfTheGrant(int granted, double expected) =>
        Assert.That(UpstreamRegistration.RefreshDelay(granted, 32), Is.EqualTo(Seconds(expected)));

    [Test]
    public void ShortGrantWithoutContactParameterUsesTheExpiresHeader()
    {
        Registrar.Start();
        Answer(200, (HeaderKind.Expires, "60"));

        Run(Seconds(29.9));
        Assert.That(Registers, Has.Count.EqualTo(1));
        Run(Seconds(0.2));
        Assert.That(Registers, Has.Count.EqualTo(2), "refresh at half of 60 s");
    }

    [Test]
    public void StaleNonceIsAnsweredAgain()
    {
        RegisterThroughChallenge();
        Run(Seconds(88));
        Challenge(nonce: "n0nce-2");
        Challenge(nonce: "n0nce-3", stale: true);

        Assert.That(Registers, Has.Count.EqualTo(5));
        Assert.That(LastRegister.Headers.Get(HeaderKind.Authorization), Does.Contain("n0nce-3"));
    }

    [Test]
    public void IntervalTooBriefRetriesOnceWithMinExpires()
    {
        Registrar.Start();
        Answer(423, (HeaderKind.MinExpires, "7200"));

        Assert.That(Registers, Has.Count.EqualTo(2));
        Assert.That(LastRegister.Expires, Is.EqualTo(7200));
        Answer(423, (HeaderKind.MinExpires, "9000"));
        Assert.That(Registers, Has.Count.EqualTo(2), "a second 423 is a failure, not a loop");
        Assert.That(Registrar.StateOf("carrier1"), Is.EqualTo(UpstreamRegistrationState.BackingOff));
    }

    [Test]
    public void DeletingTheGatewayUnregistersWithExpiresZero()
    {
        RegisterThroughChallenge();
        var registered = LastRegister;

        Gateways.Clear();
        Registrar.Reconcile();

        Assert.That(Registers, Has.Count.EqualTo(3));
        Assert.That(LastRegister.Expires, Is.Zero);
        Assert.That(LastRegister.CallId, Is.EqualTo(registered.CallId));
        Assert.That(LastRegister.Headers.Get(HeaderKind.Contact), Is.EqualTo(registered.Headers.Get(HeaderKind.Contact)));
        Assert.That(Online(), Is.False);
        Assert.That(Registrar.StateOf("carrier1"), Is.Null);

        Challenge(nonce: "n0nce-9");
        Assert.That(Registers, Has.Count.EqualTo(4), "the unregister answers its challenge too");
        Assert.That(LastRegister.Expires, Is.Zero);
        Answer(200);
        Run(Seconds(3600));
        Assert.That(Registers, Has.Count.EqualTo(4), "nothing more once unregistered");
    }

    [Test]
    public void LeavingRegisterTypeTwoUnregisters()
    {
        RegisterThroughChallenge();
        Gateways[0] = Gateways[0] with { RegisterType = GatewayRegisterType.Static };

        Run(Seconds(1.1)); // the recurring reconcile picks the change up, no call needed

        Assert.That(LastRegister.Expires, Is.Zero);
        Assert.That(Registrar.StateOf("carrier1"), Is.Null);
    }

    [Test]
    public void ChangedPasswordUnregistersTheOldBindingAndRegistersAnew()
    {
        RegisterThroughChallenge();
        var old = LastRegister;
        Gateways[0] = Gateways[0] with { Password = "n3w" };

        Registrar.Reconcile();

        var sent = Registers.Skip(2).ToList();
        Assert.That(sent, Has.Count.EqualTo(2));
        Assert.That(sent.Single(r => r.Expires == 0).CallId, Is.EqualTo(old.CallId));
        var fresh = sent.Single(r => r.Expires == 3600);
        Assert.That(fresh.CallId, Is.Not.EqualTo(old.CallId));
        Assert.That(Registrar.StateOf("carrier1"), Is.EqualTo(UpstreamRegistrationState.Registering));
    }

    [Test]
    public void NewGatewayThroughTheApiRegistersWithoutRestart()
    {
        Registrar.Start();
        Gateways.Add(Carrier("carrier2", ip: "198.51.100.8"));
        Gateways.Add(Carrier("static1", ip: "198.51.100.9", type: GatewayRegisterType.Static));
        Gateways.Add(Carrier("badip", ip: "carrier.example"));

        Run(Seconds(1.1));

        Assert.That(Registrar.StateOf("carrier2"), Is.EqualTo(UpstreamRegistrationState.Registering));
        Assert.That(Registrar.StateOf("static1"), Is.Null);
        Assert.That(Registrar.StateOf("badip"), Is.Null, "a remoteIp that is no IP address is logged, not registered");
        Assert.That(Registers.Select(r => r.RequestUri.Host).Distinct(), Is.EquivalentTo(new[] { "198.51.100.7", "198.51.100.8" }));
    }

    [Test]
    public async Task StoppingUnregistersEveryBinding()
    {
        RegisterThroughChallenge();
        Task stopping = Registrar.StopAsync(Seconds(5));

        Assert.That(LastRegister.Expires, Is.Zero);
        Answer(200);
        await stopping;
        Assert.That(Registrar.StateOf("carrier1"), Is.Null);
    }
}
