using Softswitch.Sip.Messages;
using Softswitch.Sip.Registrar;

namespace Softswitch.Tests.Sip.Registrar;

/// <summary>Phones behind one NAT address and the failure throttle (issue 12 #7): a bad neighbour never locks them out.</summary>
public class SharedAddressThrottleTests : RegistrarFixture
{
    private int _cseq;

    [SetUp]
    public void SetUp() => Start(new RegistrarOptions(), new AuthOptions { FailureLimit = 3, SourceFailureLimit = 6 }, "1001", "1002", "1003");

    /// <summary>A REGISTER of <paramref name="user"/> from the NAT address, each phone from its own port with its own Call-ID.</summary>
    private SipResponse Register(string user, string password)
    {
        int port = 5000 + int.Parse(user, System.Globalization.CultureInfo.InvariantCulture) % 1000;
        return Register(user, password, ++_cseq, "<sip:{0}@10.0.0.5:" + port + ">", "cid-" + user, port);
    }

    [Test]
    public void OnePhoneWithAWrongPasswordLocksOutOnlyItself()
    {
        for (int k = 0; k < 3; k++)
        {
            Assert.That(Register("1002", "stale-password").StatusCode, Is.EqualTo(403));
        }

        var blocked = Register("1002", "secret1002");
        var neighbour = Register("1003", "secret1003");

        Assert.That(blocked.StatusCode, Is.EqualTo(403), "1002 is blocked at this address, even with the right password");
        Assert.That(blocked.Headers.Contains(HeaderKind.WwwAuthenticate), Is.False, "refused without a challenge");
        Assert.That(neighbour.StatusCode, Is.EqualTo(200), "the phone next to it registers as usual");
    }

    [Test]
    public void AGuesserTryingManyNamesBlocksTheAddressButNotThePhonesRegisteredThere()
    {
        Assert.That(Register("1001", "secret1001").StatusCode, Is.EqualTo(200));
        foreach (string name in new[] { "2001", "2002", "2003", "2004", "2005", "2006" })
        {
            Assert.That(Register(name, "guess").StatusCode, Is.EqualTo(403));
        }

        var newcomer = Register("1003", "secret1003");
        var registered = Register("1001", "secret1001");

        Assert.That(newcomer.StatusCode, Is.EqualTo(403), "six failures reach the address's ceiling: a name not registered here waits");
        Assert.That(newcomer.Headers.Contains(HeaderKind.WwwAuthenticate), Is.False);
        Assert.That(registered.StatusCode, Is.EqualTo(200), "the phone registered from this address keeps refreshing");
    }

    [Test]
    public void ARegisteredPhoneFromAnotherAddressDoesNotEscapeTheCeiling()
    {
        Assert.That(Register("1001", "secret1001").StatusCode, Is.EqualTo(200));
        var moved = Table.Get("1001", Time.GetUtcNow()).Single() with { SourceIp = "192.0.2.50" };
        Table.Upsert(moved);
        foreach (string name in new[] { "2001", "2002", "2003", "2004", "2005", "2006" })
        {
            Register(name, "guess");
        }

        Assert.That(Register("1001", "secret1001").StatusCode, Is.EqualTo(403), "registered, but not from this address");
    }
}
