using System.Net;
using Microsoft.Extensions.Time.Testing;
using Softswitch.Sip.Auth;

namespace Softswitch.Tests.Sip.Auth;

public class AuthFailureThrottleTests
{
    private const string Source = "203.0.113.7";

    private FakeTimeProvider _time = null!;

    [SetUp]
    public void SetUp() => _time = new FakeTimeProvider(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));

    private AuthFailureThrottle NewThrottle(Action<AuthThrottleOptions>? configure = null)
    {
        var options = new AuthThrottleOptions();
        configure?.Invoke(options);
        return new AuthFailureThrottle(options, _time);
    }

    private static void Fail(AuthFailureThrottle throttle, int times, string source = Source)
    {
        for (int k = 0; k < times; k++)
        {
            throttle.RecordFailure(source);
        }
    }

    [Test]
    public void BlocksAfterTenFailuresAndUnblocksAfterSixtySeconds()
    {
        var throttle = NewThrottle();

        Fail(throttle, 9);
        Assert.That(throttle.IsBlocked(Source), Is.False);
        Assert.That(throttle.RecordFailure(Source), Is.True);
        Assert.That(throttle.IsBlocked(Source), Is.True);
        Assert.That(throttle.IsBlocked("198.51.100.1"), Is.False);

        _time.Advance(TimeSpan.FromSeconds(59));
        Assert.That(throttle.IsBlocked(Source), Is.True);
        _time.Advance(TimeSpan.FromSeconds(1));
        Assert.That(throttle.IsBlocked(Source), Is.False);
    }

    [Test]
    public void FailuresOutsideTheWindowDoNotAccumulate()
    {
        var throttle = NewThrottle();

        Fail(throttle, 9);
        _time.Advance(TimeSpan.FromSeconds(61));
        Fail(throttle, 9);

        Assert.That(throttle.IsBlocked(Source), Is.False);
    }

    [Test]
    public void SuccessResetsTheCount()
    {
        var throttle = NewThrottle();

        Fail(throttle, 9);
        throttle.RecordSuccess(Source);
        Fail(throttle, 9);

        Assert.That(throttle.IsBlocked(Source), Is.False);
    }

    [Test]
    public void RepeatOffenderIsBlockedExponentiallyLongerUpToTheCap()
    {
        var throttle = NewThrottle(o => o.MaxBlockDuration = TimeSpan.FromSeconds(150));

        Fail(throttle, 10);
        _time.Advance(TimeSpan.FromSeconds(60));
        Fail(throttle, 10);
        _time.Advance(TimeSpan.FromSeconds(119));
        Assert.That(throttle.IsBlocked(Source), Is.True, "second block lasts 120 s");
        _time.Advance(TimeSpan.FromSeconds(1));
        Fail(throttle, 10);
        _time.Advance(TimeSpan.FromSeconds(149));
        Assert.That(throttle.IsBlocked(Source), Is.True, "third block capped at 150 s");
        _time.Advance(TimeSpan.FromSeconds(1));
        Assert.That(throttle.IsBlocked(Source), Is.False);
    }

    [Test]
    public void FixedBlocksWhenBackoffIsOne()
    {
        var throttle = NewThrottle(o => o.BackoffFactor = 1);

        Fail(throttle, 10);
        _time.Advance(TimeSpan.FromSeconds(60));
        Fail(throttle, 10);
        _time.Advance(TimeSpan.FromSeconds(60));

        Assert.That(throttle.IsBlocked(Source), Is.False);
    }

    [Test]
    public void PasswordGuesserMakesNoProgressWhileBlocked()
    {
        // The registrar checks IsBlocked first; a blocked guesser's attempts never reach the verifier,
        // and failures recorded during the block neither extend nor shorten it.
        var throttle = NewThrottle();
        Fail(throttle, 10);
        int attemptsReachingVerifier = 0;
        for (int k = 0; k < 1000; k++)
        {
            if (!throttle.IsBlocked(Source))
            {
                attemptsReachingVerifier++;
            }
            throttle.RecordFailure(Source);
        }

        Assert.That(attemptsReachingVerifier, Is.Zero);
        _time.Advance(TimeSpan.FromSeconds(60));
        Assert.That(throttle.IsBlocked(Source), Is.False);
    }

    [Test]
    public void IPv4MappedAddressesShareTheIPv4Count()
    {
        var throttle = NewThrottle();
        var v4 = IPAddress.Parse(Source);

        Fail(throttle, 5);
        for (int k = 0; k < 5; k++)
        {
            throttle.RecordFailure(v4.MapToIPv6());
        }

        Assert.That(throttle.IsBlocked(v4), Is.True);
        Assert.That(throttle.IsBlocked(Source), Is.True);
    }

    [Test]
    public void MemoryStaysBoundedUnderASpoofedSourceFlood()
    {
        var throttle = NewThrottle(o => o.MaxEntries = 100);
        Fail(throttle, 10);

        for (int k = 0; k < 10_000; k++)
        {
            throttle.RecordFailure($"10.0.{k / 256}.{k % 256}");
        }

        Assert.That(throttle.Count, Is.LessThanOrEqualTo(100));
        Assert.That(throttle.IsBlocked(Source), Is.True, "blocked sources survive eviction");
    }

    [Test]
    public void SpoofedFloodCannotWipeAGuessersCount()
    {
        var throttle = NewThrottle(o => o.MaxEntries = 100);
        Fail(throttle, 9);

        for (int k = 0; k < 10_000; k++)
        {
            throttle.RecordFailure($"10.1.{k / 256}.{k % 256}");
        }

        Assert.That(throttle.RecordFailure(Source), Is.True, "the tenth failure still blocks");
    }

    [Test]
    public void ValidatorNamesTheKey()
    {
        var result = new AuthThrottleOptionsValidator().Validate(null, new AuthThrottleOptions { Window = TimeSpan.Zero });

        Assert.That(result.Failed, Is.True);
        Assert.That(result.FailureMessage, Does.Contain(nameof(AuthThrottleOptions.Window)));
    }

    [Test]
    public void SweepForgetsQuietSources()
    {
        var throttle = NewThrottle();
        Fail(throttle, 3, "a");
        Fail(throttle, 10, "b");

        _time.Advance(TimeSpan.FromSeconds(60));
        Assert.That(throttle.Sweep(), Is.EqualTo(1), "a's window is over; b was just unblocked and is remembered");
        _time.Advance(TimeSpan.FromSeconds(60));
        Assert.That(throttle.Sweep(), Is.EqualTo(1));
        Assert.That(throttle.Count, Is.Zero);
    }

    [Test]
    public void IsThreadSafe()
    {
        var throttle = NewThrottle(o => o.MaxEntries = 1000);

        Parallel.For(0, 20_000, k =>
        {
            string source = $"192.0.2.{k % 500}";
            if (!throttle.IsBlocked(source))
            {
                throttle.RecordFailure(source);
            }
        });

        Assert.That(throttle.Count, Is.EqualTo(500));
        Assert.That(throttle.IsBlocked("192.0.2.1"), Is.True);
    }

    [Test]
    public void InvalidOptionsFailFast()
    {
        Assert.Throws<ArgumentException>(() => NewThrottle(o => o.MaxFailures = 0));
        Assert.Throws<ArgumentException>(() => NewThrottle(o => o.BackoffFactor = double.NaN));
    }

    [Test]
    public void AUserBlockedAtASourceLeavesTheOtherNamesAtThatSourceAlone()
    {
        var throttle = NewThrottle();
        var source = IPAddress.Parse(Source);
        for (int k = 0; k < 9; k++)
        {
            Assert.That(throttle.RecordFailure(source, "1001"), Is.False);
        }

        Assert.That(throttle.RecordFailure(source, "1001"), Is.True, "the tenth failure of 1001 blocks 1001");
        Assert.That(throttle.IsBlocked(source, "1001"), Is.True);
        Assert.That(throttle.IsBlocked(source, "1002"), Is.False, "another phone behind the same NAT");
        Assert.That(throttle.IsBlocked(source), Is.False, "ten failures are far below the source's ceiling");
        Assert.That(throttle.IsBlocked(IPAddress.Parse("198.51.100.1"), "1001"), Is.False, "1001 from elsewhere");
        _time.Advance(TimeSpan.FromSeconds(60));
        Assert.That(throttle.IsBlocked(source, "1001"), Is.False);
    }

    [Test]
    public void ManyNamesFromOneSourceReachTheSourceCeiling()
    {
        var throttle = NewThrottle(o => o.MaxSourceFailures = 30);
        var source = IPAddress.Parse(Source);
        for (int k = 0; k < 29; k++)
        {
            throttle.RecordFailure(source, "name-" + k);
        }
        Assert.That(throttle.IsBlocked(source), Is.False);

        Assert.That(throttle.RecordFailure(source, "name-29"), Is.True);

        Assert.That(throttle.IsBlocked(source), Is.True);
        Assert.That(throttle.IsBlocked(source, "name-0"), Is.False, "no single name failed ten times");
    }

    [Test]
    public void ASuccessForgetsItsNameButNotTheSourceCount()
    {
        var throttle = NewThrottle(o => o.MaxSourceFailures = 15);
        var source = IPAddress.Parse(Source);
        for (int k = 0; k < 9; k++)
        {
            throttle.RecordFailure(source, "1001");
        }
        throttle.RecordSuccess(source, "1001");

        Assert.That(throttle.RecordFailure(source, "1001"), Is.False, "1001 starts counting again");
        for (int k = 0; k < 5; k++)
        {
            throttle.RecordFailure(source, "1002");
        }

        Assert.That(throttle.IsBlocked(source), Is.True, "9 + 1 + 5 failures reach the ceiling of 15: a success does not wipe it");
        Assert.That(throttle.IsBlocked(source, "1001"), Is.False);
    }

    [Test]
    public void ACeilingBelowThePerUserLimitIsRefused()
    {
        var options = new AuthThrottleOptions { MaxFailures = 10, MaxSourceFailures = 9 };
        Assert.That(options.Validate(), Is.EqualTo("MaxSourceFailures must not be below MaxFailures."));
        Assert.That(new Softswitch.Sip.Registrar.AuthOptions { FailureLimit = 10, SourceFailureLimit = 9 }.Validate(),
            Is.EqualTo("auth.sourceFailureLimit: 9 is below auth.failureLimit (10)"));
    }
}
