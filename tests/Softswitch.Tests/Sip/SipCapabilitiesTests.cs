using Softswitch.Sip;
using Softswitch.Sip.Messages;
using Softswitch.Tests.Sip.Transactions;

namespace Softswitch.Tests.Sip;

public class SipCapabilitiesTests
{
    [Test]
    public void AllowListsWhatTheSwitchImplementsAndNothingElse()
    {
        var allowed = SipCapabilities.Allow.Split(", ");
        Assert.That(allowed, Is.EquivalentTo(new[] { "INVITE", "ACK", "CANCEL", "BYE", "OPTIONS", "REGISTER", "INFO", "UPDATE", "PRACK", "MESSAGE" }));
        Assert.That(allowed, Has.None.EqualTo("SUBSCRIBE").And.None.EqualTo("PUBLISH"));
    }

    [Test]
    public void SupportedDoesNotClaimReplaces() =>
        Assert.That(SipCapabilities.Supported.Split(", "), Is.EquivalentTo(new[] { "timer" }));

    [TestCase(new string[0], new string[0])]
    [TestCase(new[] { "timer" }, new string[0])]
    [TestCase(new[] { "replaces" }, new[] { "replaces" })]
    [TestCase(new[] { "foo, timer,, bar", "FOO" }, new[] { "foo", "bar" })]
    public void UnsupportedRequirementsAreListedOnceInOrder(string[] requires, string[] expected)
    {
        var request = TestMessages.Request(SipMethod.Invite);
        foreach (string value in requires)
        {
            request.Headers.Add(HeaderKind.Require, value);
        }
        Assert.That(SipCapabilities.UnsupportedRequirements(request), Is.EqualTo(expected));
    }
}
