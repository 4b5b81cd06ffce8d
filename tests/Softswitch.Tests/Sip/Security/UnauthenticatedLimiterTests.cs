using System.Net;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using Softswitch.Sip.Messages;
using Softswitch.Sip.Security;

namespace Softswitch.Tests.Sip.Security;

/// <summary>The per-source rate limit on unregistered sources, over a fake clock (issue 12, reflection).</summary>
public class UnauthenticatedLimiterTests
{
    private FakeTimeProvider _time = null!;
    private RecordingLogger<UnauthenticatedLimiter> _log = null!;

    [SetUp]
    public void SetUp()
    {
        _time = new FakeTimeProvider(new DateTimeOffset(2026, 5, 1, 12, 0, 0, TimeSpan.Zero));
        _log = new RecordingLogger<UnauthenticatedLimiter>();
    }

    private UnauthenticatedLimiter Limiter(Action<UnauthenticatedLimitOptions>? configure = null)
    {
        var options = new UnauthenticatedLimitOptions { MaxRequests = 5, WindowSeconds = 10 };
        configure?.Invoke(options);
        return new UnauthenticatedLimiter(options, _time, _log);
    }

    private static SipEndPoint From(string address, int port = 5060, SipTransportKind transport = SipTransportKind.Udp) =>
        new(transport, new IPEndPoint(IPAddress.Parse(address), port));

    private static int Admitted(UnauthenticatedLimiter limiter, SipEndPoint source, int requests) =>
        Enumerable.Range(0, requests).Count(_ => limiter.Admit(source));

    [Test]
    public void AdmitsUpToTheLimitThenDrops()
    {
        var limiter = Limiter();
        Assert.That(Admitted(limiter, From("203.0.113.5"), 20), Is.EqualTo(5));
    }

    [Test]
    public void TheWindowSlides()
    {
        var limiter = Limiter();
        var source = From("203.0.113.5");
        Assert.That(Admitted(limiter, source, 50), Is.EqualTo(5));

        _time.Advance(TimeSpan.FromSeconds(10));
        Assert.That(Admitted(limiter, source, 50), Is.Zero, "the previous window still overlaps the sliding one entirely");

        _time.Advance(TimeSpan.FromSeconds(5));
        Assert.That(Admitted(limiter, source, 50), Is.EqualTo(2), "half of the previous 5 still counts: 2.5 + 2 <= 5");

        _time.Advance(TimeSpan.FromSeconds(20));
        Assert.That(Admitted(limiter, source, 50), Is.EqualTo(5), "dropped requests do not extend the limit: a full quota again");
    }

    [Test]
    public void EachAddressHasItsOwnCountAndPortsShareIt()
    {
        var limiter = Limiter();
        Assert.That(Admitted(limiter, From("203.0.113.5", 5060), 3) + Admitted(limiter, From("203.0.113.5", 5070), 10), Is.EqualTo(5));
        Assert.That(Admitted(limiter, From("203.0.113.6"), 10), Is.EqualTo(5));
    }

    [Test]
    public void Ipv4MappedIpv6SharesTheIpv4Count()
    {
        var limiter = Limiter();
        Assert.That(Admitted(limiter, From("203.0.113.5"), 3), Is.EqualTo(3));
        Assert.That(Admitted(limiter, From("::ffff:203.0.113.5"), 10), Is.EqualTo(2));
    }

    [Test]
    public void ARegisteredSourceIsNeitherCountedNorDropped()
    {
        var limiter = Limiter(o => o.RegisteredTrustSeconds = 60);
        var phone = From("203.0.113.5", 5070);
        limiter.TrustRegistered(phone);

        Assert.That(Admitted(limiter, phone, 1000), Is.EqualTo(1000));
        Assert.That(Admitted(limiter, From("203.0.113.5", 5080), 10), Is.EqualTo(5), "the phone's requests took nothing from its address's quota");
        Assert.That(Admitted(limiter, phone, 1000), Is.EqualTo(1000), "a flood from its address does not block the phone");
        Assert.That(Admitted(limiter, phone with { Transport = SipTransportKind.Tcp }, 10), Is.Zero, "trust is per transport too");

        _time.Advance(TimeSpan.FromSeconds(60));
        Assert.That(Admitted(limiter, phone, 10), Is.EqualTo(5), "after the trust ran out the source counts like any other");
    }

    [Test]
    public void LoopbackIsExemptByDefaultAndConfigurableNetworksToo()
    {
        var limiter = Limiter(o => o.ExemptNetworks = ["192.0.2.0/24", "2001:db8::7"]);
        Assert.Multiple(() =>
        {
            Assert.That(Admitted(limiter, From("127.0.0.1"), 100), Is.EqualTo(100));
            Assert.That(Admitted(limiter, From("127.9.9.9"), 100), Is.EqualTo(100));
            Assert.That(Admitted(limiter, From("::1"), 100), Is.EqualTo(100));
            Assert.That(Admitted(limiter, From("192.0.2.200"), 100), Is.EqualTo(100));
            Assert.That(Admitted(limiter, From("2001:db8::7"), 100), Is.EqualTo(100));
            Assert.That(Admitted(limiter, From("2001:db8::8"), 100), Is.EqualTo(5));
            Assert.That(Admitted(limiter, From("192.0.3.1"), 100), Is.EqualTo(5));
        });
        var strict = Limiter(o => o.ExemptLoopback = false);
        Assert.That(Admitted(strict, From("127.0.0.1"), 100), Is.EqualTo(5));
    }

    [Test]
    public void TrustedSourcesAreNeitherCountedNorDroppedAndTheAnswerIsAskedEachTime()
    {
        var limiter = Limiter();
        var trunks = new HashSet<IPAddress> { IPAddress.Parse("198.51.100.7") };
        limiter.Trust(trunks.Contains);

        Assert.That(Admitted(limiter, From("198.51.100.7"), 100), Is.EqualTo(100));
        Assert.That(Admitted(limiter, From("198.51.100.7", 5099, SipTransportKind.Tcp), 100), Is.EqualTo(100), "any port, any transport");
        Assert.That(Admitted(limiter, From("198.51.100.8"), 100), Is.EqualTo(5), "a stranger still counts");
        Assert.That(limiter.TakeSummary().Requests, Is.EqualTo(100), "only the stranger's requests are in the summary");

        trunks.Remove(IPAddress.Parse("198.51.100.7"));
        Assert.That(Admitted(limiter, From("198.51.100.7"), 100), Is.EqualTo(5), "a gateway deleted is a stranger at once");
        trunks.Add(IPAddress.Parse("198.51.100.8"));
        Assert.That(Admitted(limiter, From("198.51.100.8"), 100), Is.EqualTo(100), "a gateway created is trusted at once, even past its limit");
    }

    [Test]
    public void DisabledCountsAndReportsButNeverDrops()
    {
        var limiter = Limiter(o => o.Enabled = false);
        Assert.That(Admitted(limiter, From("203.0.113.5"), 20), Is.EqualTo(20));
        Assert.That(limiter.TakeSummary().Dropped, Is.EqualTo(15), "what the limit would have dropped");
    }

    [Test]
    public void SpoofedOneShotSourcesCannotGrowTheTableNorFreeAHeavySender()
    {
        var limiter = Limiter(o => o.MaxTrackedSources = 16);
        var heavy = From("198.51.100.1");
        Assert.That(Admitted(limiter, heavy, 5), Is.EqualTo(5));
        for (int i = 0; i < 1000; i++)
        {
            limiter.Admit(From($"10.{i / 250}.{i % 250}.1"));
            Assert.That(limiter.TrackedSources, Is.LessThanOrEqualTo(16));
            Assert.That(limiter.Admit(heavy), Is.False, $"the heavy sender stays limited after {i + 1} spoofed sources");
        }
    }

    [Test]
    public void RegisteredSourcesAreCappedOldestFirst()
    {
        var limiter = Limiter(o => o.MaxRegisteredSources = 16);
        for (int port = 1; port <= 100; port++)
        {
            limiter.TrustRegistered(From("203.0.113.5", port));
            _time.Advance(TimeSpan.FromSeconds(1));
            Assert.That(limiter.RegisteredSources, Is.LessThanOrEqualTo(16));
        }
        Assert.That(Admitted(limiter, From("203.0.113.5", 100), 50), Is.EqualTo(50), "the latest registration is kept");
    }

    [Test]
    public void SummaryCountsRequestsSourcesAndDropsThenStartsAgainAndSweeps()
    {
        var limiter = Limiter();
        Admitted(limiter, From("203.0.113.5"), 8);
        Admitted(limiter, From("203.0.113.6"), 2);
        limiter.TrustRegistered(From("203.0.113.7"));
        Admitted(limiter, From("203.0.113.7"), 50);
        _time.Advance(TimeSpan.FromSeconds(60));

        Assert.That(limiter.TakeSummary(), Is.EqualTo(new UnauthenticatedSummary(10, 2, 3, TimeSpan.FromSeconds(60))));
        Assert.That(limiter.TrackedSources, Is.Zero, "idle sources are swept with the summary");
        Assert.That(limiter.TakeSummary(), Is.EqualTo(new UnauthenticatedSummary(0, 0, 0, TimeSpan.Zero)));
    }

    [Test]
    public void SummaryIsOneLineAWarningWhenRequestsWereDroppedAndNothingWhenQuiet()
    {
        var limiter = Limiter();
        limiter.ReportSummary();
        Assert.That(_log.Lines, Is.Empty);

        Admitted(limiter, From("203.0.113.5"), 3);
        limiter.ReportSummary();
        Admitted(limiter, From("203.0.113.5"), 7);
        limiter.ReportSummary();

        Assert.That(_log.Lines.Select(l => l.Level), Is.EqualTo(new[] { LogLevel.Information, LogLevel.Warning }));
        Assert.That(_log.Lines[1].Message, Does.Contain("7 requests from 1 unregistered source addresses").And.Contain("5 dropped"));
    }

    [Test]
    public void KnownSourcesAllocateNothingPerRequest()
    {
        var limiter = Limiter();
        var phone = From("203.0.113.5", 5070);
        var counted = From("203.0.113.9");
        limiter.TrustRegistered(phone);
        limiter.Admit(phone);
        limiter.Admit(counted);

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 1000; i++)
        {
            limiter.Admit(phone);
            limiter.Admit(counted);
        }
        Assert.That(GC.GetAllocatedBytesForCurrentThread() - before, Is.Zero);
    }

    [TestCase("10.1.2.3/8")]
    [TestCase("10.0.0.0/33")]
    [TestCase("example.com")]
    [TestCase("")]
    public void ABadExemptNetworkIsRefusedNamingTheKey(string network)
    {
        var options = new UnauthenticatedLimitOptions { ExemptNetworks = [network] };
        var result = new UnauthenticatedLimitOptionsValidator().Validate(null, options);
        Assert.That(result.Failed, Is.True);
        Assert.That(result.FailureMessage, Does.Contain("sip.unauthenticated.exemptNetworks"));
    }

    [Test]
    public void AnOutOfRangeLimitIsRefusedNamingTheKey()
    {
        var result = new UnauthenticatedLimitOptionsValidator().Validate(null, new UnauthenticatedLimitOptions { MaxRequests = 0 });
        Assert.That(result.FailureMessage, Does.Contain("sip.unauthenticated.maxRequests"));
    }
}
