using Softswitch.Sip.Transport;

namespace Softswitch.Tests.Sip.Transport;

/// <summary>The "sip" section fails start-up with the key named (docs/configuration.md).</summary>
public class SipTransportOptionsValidatorTests
{
    private static IEnumerable<string> Failures(SipTransportOptions options) =>
        new SipTransportOptionsValidator().Validate(null, options).Failures ?? [];

    [Test]
    public void TheShippedDefaultsAreValid() => Assert.That(Failures(new SipTransportOptions()), Is.Empty);

    [Test]
    public void APerSourceCapAboveTheTotalCapIsRefused() =>
        Assert.That(Failures(new SipTransportOptions { MaxTcpConnections = 50, MaxTcpConnectionsPerSource = 51 }),
            Has.Some.StartsWith("sip.maxTcpConnectionsPerSource"));

    [TestCase(0)]
    [TestCase(3601)]
    public void AMessageDeadlineOutOfRangeIsRefused(int seconds) =>
        Assert.That(Failures(new SipTransportOptions { TcpMessageDeadlineSeconds = seconds }),
            Has.Some.Contains("tcpMessageDeadlineSeconds"));

    [Test]
    public void APerSourceCapOfZeroIsRefused() =>
        Assert.That(Failures(new SipTransportOptions { MaxTcpConnectionsPerSource = 0 }),
            Has.Some.Contains("maxTcpConnectionsPerSource"));
}
