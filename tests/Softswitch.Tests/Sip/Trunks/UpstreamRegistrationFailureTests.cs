using Softswitch.Sip.Messages;
using Softswitch.Sip.Trunks;

namespace Softswitch.Tests.Sip.Trunks;

/// <summary>What the switch does when a carrier will not register it: back-off, Retry-After, 403, timeouts.</summary>
public class UpstreamRegistrationFailureTests : UpstreamFixture
{
    [Test]
    public void RetryAfterIsHonoured()
    {
        Registrar.Start();
        Answer(503, (HeaderKind.RetryAfter, "120 (maintenance);duration=60"));

        Assert.That(Registrar.StateOf("carrier1"), Is.EqualTo(UpstreamRegistrationState.BackingOff));
        Run(Seconds(119.9));
        Assert.That(Registers, Has.Count.EqualTo(1), "nothing before Retry-After (RFC 3261 §20.33)");
        Run(Seconds(0.2));
        Assert.That(Registers, Has.Count.EqualTo(2));
        Assert.That(Registrar.StateOf("carrier1"), Is.EqualTo(UpstreamRegistrationState.Registering));
    }

    [Test]
    public void HostileRetryAfterIsCapped()
    {
        Registrar.Start();
        Answer(503, (HeaderKind.RetryAfter, "999999999"));

        Run(Seconds(3600.1));
        Assert.That(Registers, Has.Count.EqualTo(2), "retryAfterMaxSeconds bounds the wait");
    }

    [Test]
    public void FailuresBackOffExponentiallyUpToTheCap()
    {
        Registrar.Start();
        var waits = new List<double>();
        for (int i = 0; i < 8; i++)
        {
            Answer(500);
            int before = Registers.Count;
            TimeSpan waited = TimeSpan.Zero;
            while (Registers.Count == before)
            {
                Run(Seconds(1));
                waited += Seconds(1);
            }
            waits.Add(waited.TotalSeconds);
        }
        Assert.That(waits, Is.EqualTo(new double[] { 5, 10, 20, 40, 80, 160, 300, 300 }));
    }

    [Test]
    public void SuccessResetsTheBackOff()
    {
        Registrar.Start();
        Answer(500);
        Run(Seconds(5));
        Answer(500);
        Run(Seconds(10));
        Answer(200, (HeaderKind.Expires, "120"));
        Run(Seconds(88));
        Answer(500);

        Run(Seconds(4.9));
        int before = Registers.Count;
        Run(Seconds(0.2));
        Assert.That(Registers.Count, Is.EqualTo(before + 1), "back to the first step after a success");
    }

    [Test]
    public void ForbiddenWaitsTheLongestBackOffAndKeepsNoPresence()
    {
        Registrar.Start();
        Challenge();
        Answer(403);

        Assert.That(Registrar.StateOf("carrier1"), Is.EqualTo(UpstreamRegistrationState.Refused));
        Assert.That(Online(), Is.False);
        Run(Seconds(299.9));
        Assert.That(Registers, Has.Count.EqualTo(2), "no hammering with refused credentials");
        Run(Seconds(0.2));
        Assert.That(Registers, Has.Count.EqualTo(3));
        Assert.That(LastRegister.Headers.Contains(HeaderKind.Authorization), Is.False, "a fresh attempt starts unauthenticated");
    }

    [Test]
    public void SecondChallengeMeansWrongPassword()
    {
        Registrar.Start();
        Challenge(nonce: "a");
        Challenge(nonce: "b");

        Assert.That(Registers, Has.Count.EqualTo(2), "a rejected digest is not answered again");
        Assert.That(Registrar.StateOf("carrier1"), Is.EqualTo(UpstreamRegistrationState.Refused));
    }

    [Test]
    public void ChangingThePasswordAfterARefusalRetriesAtOnce()
    {
        Registrar.Start();
        Answer(403);
        Gateways[0] = Gateways[0] with { Password = "fixed" };

        Registrar.Reconcile();

        Assert.That(Registers, Has.Count.EqualTo(3), "unregister of the old binding, then the new REGISTER");
        Assert.That(Registrar.StateOf("carrier1"), Is.EqualTo(UpstreamRegistrationState.Registering));
    }

    [Test]
    public void UnanswerableChallengeBacksOff()
    {
        Registrar.Start();
        Answer(401, (HeaderKind.WwwAuthenticate, "Digest realm=\"r\", nonce=\"n\", algorithm=SHA-512-256"));

        Assert.That(Registers, Has.Count.EqualTo(1));
        Assert.That(Registrar.StateOf("carrier1"), Is.EqualTo(UpstreamRegistrationState.BackingOff));
    }

    [Test]
    public void SilentCarrierTimesOutThenBacksOff()
    {
        Registrar.Start();

        Run(Seconds(32.1)); // timer F, 64*T1
        Assert.That(Registrar.StateOf("carrier1"), Is.EqualTo(UpstreamRegistrationState.BackingOff));
        int sent = Registers.Count;
        Run(Seconds(5));
        Assert.That(Registers.Count, Is.EqualTo(sent + 1));
    }

    [Test]
    public void GrantOfZeroIsNoRegistration()
    {
        Registrar.Start();
        Answer(200, (HeaderKind.Expires, "0"));

        Assert.That(Registrar.StateOf("carrier1"), Is.EqualTo(UpstreamRegistrationState.BackingOff));
        Assert.That(Online(), Is.False);
    }

    [Test]
    public void RefreshFailureKeepsTheBindingUntilItLapses()
    {
        RegisterThroughChallenge(granted: 120);
        Run(Seconds(88));
        Answer(503);

        Assert.That(Online(), Is.True, "the carrier still holds the binding until its expiry");
        Run(Seconds(32));
        Assert.That(Online(), Is.False);
    }

    [TestCase("120", 120)]
    [TestCase(" 18000 (out of office);duration=3600", 18000)]
    [TestCase("abc", null)]
    [TestCase("", null)]
    [TestCase("-5", null)]
    [TestCase("99999999999999", null)]
    [TestCase(null, null)]
    public void RetryAfterValues(string? value, int? expected) => Assert.That(RetryAfterHeader.Seconds(value), Is.EqualTo(expected));
}
