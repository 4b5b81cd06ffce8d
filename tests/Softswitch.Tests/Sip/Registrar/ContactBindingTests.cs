using System.Net;
using Softswitch.Core.Registrations;
using Softswitch.Sip.Messages;
using Softswitch.Sip.Registrar;

namespace Softswitch.Tests.Sip.Registrar;

/// <summary>Which binding a REGISTER adds, refreshes or replaces (RFC 3261 §10.3 step 7, RFC 5626 §4.1, issue 12 #7).</summary>
public class ContactBindingTests : RegistrarFixture
{
    private const string CallId = "reg-1@10.0.0.5";

    [SetUp]
    public void SetUp() => Start(new RegistrarOptions());

    private void Start(RegistrarOptions options) => Start(options, new AuthOptions(), "1001");

    private SipResponse Register(string contact, int cseq, string callId = CallId, int port = 5070, string expires = "300") =>
        Register("1001", "secret1001", cseq, contact, callId, port, expires);

    private IReadOnlyList<RegistrationBinding> Bindings => Table.Get("1001", Now);

    [Test]
    public void TheSameCallIdWithAHigherCSeqRefreshesTheBinding()
    {
        Assert.That(Register("<sip:1001@10.0.0.5:5070>", 1, expires: "120").StatusCode, Is.EqualTo(200));
        Assert.That(Register("<sip:1001@10.0.0.5:5070>", 2, expires: "600").StatusCode, Is.EqualTo(200));

        var binding = Bindings.Single();
        Assert.That((binding.CSeq, binding.ExpiresAt), Is.EqualTo((2u, Now.AddSeconds(600))));
    }

    [TestCase(5)]
    [TestCase(4)]
    public void TheSameCallIdWithoutAHigherCSeqIsRefusedAndChangesNothing(int cseq)
    {
        Register("<sip:1001@10.0.0.5:5070>", 5, expires: "300");

        var response = Register("<sip:1001@10.0.0.5:5070>", cseq, expires: "0");

        Assert.That((response.StatusCode, response.ReasonPhrase), Is.EqualTo((500, "Server Internal Error - out-of-order REGISTER")));
        Assert.That(Bindings.Single().CSeq, Is.EqualTo(5u));
    }

    [Test]
    public void ANewCallIdForTheSameContactReplacesTheBindingWhateverItsCSeq()
    {
        Register("<sip:1001@10.0.0.5:5070>", 9, callId: "before-reboot");

        Assert.That(Register("<sip:1001@10.0.0.5:5070>", 1, callId: "after-reboot").StatusCode, Is.EqualTo(200));

        Assert.That(Bindings.Single().CallId, Is.EqualTo("after-reboot"));
    }

    [Test]
    public void TheSameCallIdFromANewPortReplacesTheOldContact()
    {
        Register("<sip:1001@10.0.0.5:5070>", 1, port: 5070);

        // The phone's NAT mapping changed: same registration (Call-ID), new source port, new Contact.
        var response = Register("<sip:1001@10.0.0.5:6000>", 2, port: 6000);

        Assert.That(response.StatusCode, Is.EqualTo(200));
        Assert.That(Bindings.Select(b => b.ContactUri), Is.EqualTo(new[] { "sip:1001@10.0.0.5:6000" }));
        Assert.That(response.Headers.GetAll(HeaderKind.Contact).Count(), Is.EqualTo(1), "the 200 lists only what is bound now");
    }

    [Test]
    public void AnotherCallIdFromAnotherPortIsAnotherDeviceAndIsKept()
    {
        Register("<sip:1001@10.0.0.5:5070>", 1, callId: "desk-phone", port: 5070);
        Register("<sip:1001@10.0.0.5:6000>", 1, callId: "softphone", port: 6000);

        Assert.That(Bindings, Has.Count.EqualTo(2));
    }

    [Test]
    public void TheSameInstanceReplacesItsOldContactAcrossCallIds()
    {
        const string instance = "+sip.instance=\"<urn:uuid:00000000-0000-1000-8000-000A95A0E128>\"";
        Register("<sip:1001@10.0.0.5:5070>;" + instance, 1, callId: "first-boot", port: 5070);
        Register("<sip:1001@10.0.0.5:6000>;" + instance, 1, callId: "second-boot", port: 6000);

        var binding = Bindings.Single();
        Assert.That(binding.ContactUri, Is.EqualTo("sip:1001@10.0.0.5:6000"));
        Assert.That(binding.InstanceId, Is.EqualTo("\"<urn:uuid:00000000-0000-1000-8000-000A95A0E128>\""));
    }

    [Test]
    public void APhoneReRegisteringFromEverNewPortsNeverFillsItsContacts()
    {
        // Issue 12 #7: eleven registrations from eleven ports (new Call-ID each, the worst case) used to end in 403.
        for (int i = 0; i < 11; i++)
        {
            Time.Advance(TimeSpan.FromSeconds(1));
            var response = Register($"<sip:1001@10.0.0.5:{6000 + i}>", 1, callId: "boot-" + i, port: 6000 + i);
            Assert.That(response.StatusCode, Is.EqualTo(200), "registration " + i);
        }

        var contacts = Bindings.Select(b => b.ContactUri).ToList();
        Assert.That(contacts, Has.Count.EqualTo(new RegistrarOptions().MaxContactsPerPhone));
        Assert.That(contacts, Does.Not.Contain("sip:1001@10.0.0.5:6000"), "the least recently refreshed binding made room");
        Assert.That(contacts, Does.Contain("sip:1001@10.0.0.5:6010"));
    }

    [Test]
    public void TheLeastRecentlyRefreshedBindingIsTheOneReplaced()
    {
        Start(new RegistrarOptions { MaxContactsPerPhone = 2 });
        Register("<sip:1001@10.0.0.5:6000>", 1, callId: "a", port: 6000);
        Time.Advance(TimeSpan.FromSeconds(1));
        Register("<sip:1001@10.0.0.5:6001>", 1, callId: "b", port: 6001);
        Time.Advance(TimeSpan.FromSeconds(1));
        Register("<sip:1001@10.0.0.5:6000>", 2, callId: "a", port: 6000);
        Time.Advance(TimeSpan.FromSeconds(1));

        Register("<sip:1001@10.0.0.5:6002>", 1, callId: "c", port: 6002);

        Assert.That(Bindings.Select(b => b.ContactUri), Is.EquivalentTo(new[] { "sip:1001@10.0.0.5:6000", "sip:1001@10.0.0.5:6002" }));
    }

    [Test]
    public void MoreContactsInOneRequestThanTheLimitAreRefusedPrecisely()
    {
        Start(new RegistrarOptions { MaxContactsPerPhone = 2 });

        var response = Register("<sip:1001@10.0.0.5:6000>, <sip:1001@10.0.0.5:6001>, <sip:1001@10.0.0.5:6002>", 1);

        Assert.That(response.StatusCode, Is.EqualTo(403));
        Assert.That(response.ReasonPhrase, Is.EqualTo("Forbidden - too many contacts: 3 in one REGISTER, registrar.maxContactsPerPhone is 2"));
        Assert.That(Bindings, Is.Empty);
    }

    [Test]
    public void RegisteredContactsNeverYieldsABindingPastItsExpiry()
    {
        Register("<sip:1001@10.0.0.5:5070>", 1, expires: "60");
        var contacts = new RegisteredContacts(Table, Time);

        Time.Advance(TimeSpan.FromSeconds(59));
        var before = contacts.Of("1001");
        Time.Advance(TimeSpan.FromSeconds(1));
        var at = contacts.Of("1001");

        Assert.That(before.Single().Destination.EndPoint, Is.EqualTo(new IPEndPoint(IPAddress.Parse("10.0.0.5"), 5070)));
        Assert.That(at, Is.Empty, "expired at its expiry instant, though no sweep has run");
        Assert.That(Table.PhoneCount, Is.EqualTo(1), "the binding is still in the table: only the read filters it");
    }
}
