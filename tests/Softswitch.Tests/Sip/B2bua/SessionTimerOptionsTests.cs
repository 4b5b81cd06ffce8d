using Softswitch.Sip.B2bua;

namespace Softswitch.Tests.Sip.B2bua;

/// <summary>calls.minSessionExpiresSeconds: the RFC 4028 §5 floor of 90 s by default, lowered only by tests.</summary>
public sealed class SessionTimerOptionsTests
{
    [Test]
    public void TheDefaultIsTheRfc4028Minimum() => Assert.That(new B2buaOptions().MinSessionExpiresSeconds, Is.EqualTo(90));

    [TestCase(0)]
    [TestCase(-90)]
    public void ANonPositiveMinimumIsRefusedNamingTheKey(int seconds)
    {
        var result = new B2buaOptionsValidator().Validate(null, new B2buaOptions { MinSessionExpiresSeconds = seconds });
        Assert.That(result.Failed, Is.True);
        Assert.That(result.FailureMessage, Does.Contain("calls.minSessionExpiresSeconds").And.Contain(seconds.ToString(System.Globalization.CultureInfo.InvariantCulture)));
    }

    [TestCase(1)]
    [TestCase(90)]
    public void APositiveMinimumIsAccepted(int seconds) =>
        Assert.That(new B2buaOptionsValidator().Validate(null, new B2buaOptions { MinSessionExpiresSeconds = seconds }).Succeeded, Is.True);
}
