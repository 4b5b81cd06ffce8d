using Microsoft.Extensions.Options;
using Softswitch.Sip.Messages;
using Softswitch.Sip.Transactions;

namespace Softswitch.Tests.Sip.Transactions;

public class TransactionKeyTests
{
    [Test]
    public void AckKeysAsItsInvite()
    {
        SipRequest invite = TestMessages.Request(SipMethod.Invite);
        SipRequest ack = TestMessages.Request(SipMethod.Ack);
        Assert.That(TransactionKey.ForServer(ack), Is.EqualTo(TransactionKey.ForServer(invite)));
        Assert.That(TransactionKey.ForServer(ack).GetHashCode(), Is.EqualTo(TransactionKey.ForServer(invite).GetHashCode()));
        Assert.That(TransactionKey.ForServer(TestMessages.Request(SipMethod.Cancel)), Is.Not.EqualTo(TransactionKey.ForServer(invite)));
    }

    [Test]
    public void ExtensionMethodsStayApart()
    {
        SipRequest Extension(string name)
        {
            var request = new SipRequest(SipMethod.Unknown, name, SipUri.Parse("sip:a@b"), new SipHeaders(), ReadOnlyMemory<byte>.Empty);
            request.Headers.Add(HeaderKind.Via, "SIP/2.0/UDP 10.0.0.1;branch=z9hG4bKx");
            return request;
        }
        Assert.That(TransactionKey.ForServer(Extension("FOO")), Is.Not.EqualTo(TransactionKey.ForServer(Extension("BAR"))));
        TransactionKey foo = TransactionKey.ForServer(Extension("FOO"));
        Assert.That(TransactionKey.ForServer(Extension("FOO")), Is.EqualTo(foo));
    }

    [Test]
    public void BranchIsCaseSensitiveHostIsNot()
    {
        var a = TransactionKey.ForServer(TestMessages.Request(SipMethod.Options, branch: "z9hG4bKabc", via: "HOST.example:5060"));
        var b = TransactionKey.ForServer(TestMessages.Request(SipMethod.Options, branch: "z9hG4bKabc", via: "host.example"));
        var c = TransactionKey.ForServer(TestMessages.Request(SipMethod.Options, branch: "z9hG4bKABC", via: "host.example"));
        Assert.That(a, Is.EqualTo(b));
        Assert.That(a.GetHashCode(), Is.EqualTo(b.GetHashCode()));
        Assert.That(a, Is.Not.EqualTo(c));
    }

    [Test]
    public void OptionsValidatorNamesTheBadKey()
    {
        var validator = new SipTimerOptionsValidator();
        Assert.That(validator.Validate(null, new SipTimerOptions()).Succeeded, Is.True);
        ValidateOptionsResult bad = validator.Validate(null, new SipTimerOptions { T1 = TimeSpan.FromSeconds(5) });
        Assert.That(bad.Failed, Is.True);
        Assert.That(bad.FailureMessage, Does.Contain("sip.timers.t2"));
    }
}
