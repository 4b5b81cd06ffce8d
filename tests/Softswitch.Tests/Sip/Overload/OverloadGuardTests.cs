using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using Softswitch.Sip.Messages;
using Softswitch.Sip.Overload;
using Softswitch.Tests.Sip.Security;
using Softswitch.Tests.Sip.Transactions;

namespace Softswitch.Tests.Sip.Overload;

/// <summary>
/// Each shedding rule of <see cref="OverloadGuard"/> on its own, on a fake clock (issue 12, overload): what is shed,
/// what never is, the adaptive share, the summary line.
/// </summary>
public class OverloadGuardTests
{
    private const int Busy = OverloadGuard.MinimumCallsInSetup;
    private FakeTimeProvider _time = null!;
    private RecordingLogger<OverloadGuard> _log = null!;
    private int _branch;

    [SetUp]
    public void SetUp()
    {
        _time = new FakeTimeProvider(new DateTimeOffset(2026, 12, 2, 22, 0, 0, TimeSpan.Zero));
        _log = new RecordingLogger<OverloadGuard>(LogLevel.Information);
    }

    private OverloadGuard Guard(OverloadOptions options) => new(options, _time, _log);

    private SipRequest New(SipMethod method, string? toTag = null, bool credentials = false)
    {
        var request = TestMessages.Request(method, branch: "z9hG4bKguard" + ++_branch, toTag: toTag, callId: $"guard-{_branch}");
        if (credentials)
        {
            request.Headers.Add(HeaderKind.ProxyAuthorization, "Digest username=\"1001\", realm=\"r\", nonce=\"n\", uri=\"sip:1002@192.0.2.1\", response=\"0\"");
        }
        return request;
    }

    private static void Overloaded(OverloadGuard guard, int samples, int delayMs = 300)
    {
        for (int i = 0; i < samples; i++)
        {
            guard.Observe(TimeSpan.FromMilliseconds(delayMs));
        }
    }

    [Test]
    public void TheRefusalIs503WithRetryAfter()
    {
        var guard = Guard(new OverloadOptions { MaxServerTransactions = 1_000, RetryAfterSeconds = 7 });
        var request = New(SipMethod.Options);

        SipResponse? refusal = guard.Refuse(request, serverTransactions: 1_000, invitesInSetup: 0);

        Assert.That(refusal, Is.Not.Null);
        Assert.That(refusal!.StatusCode, Is.EqualTo(503));
        Assert.That(refusal.Headers.Get(HeaderKind.RetryAfter), Is.EqualTo("7"));
        Assert.That(refusal.To.Tag, Is.Not.Null, "§8.2.6.2: a final response outside a dialog carries a To tag");
        Assert.That(refusal.CallId, Is.EqualTo(request.CallId));
        Assert.That(guard.Shed(ShedReason.TransactionTable), Is.EqualTo(1));
    }

    [Test]
    public void AFullTransactionTableRefusesNewRequestsButNeverDialogsOrCancels()
    {
        var guard = Guard(new OverloadOptions { MaxServerTransactions = 1_000 });

        Assert.That(guard.Refuse(New(SipMethod.Register), 999, 0), Is.Null, "under the cap");
        Assert.That(guard.Refuse(New(SipMethod.Register), 1_000, 0)?.StatusCode, Is.EqualTo(503));
        Assert.That(guard.Refuse(New(SipMethod.Invite), 1_000, 0)?.StatusCode, Is.EqualTo(503));
        Assert.That(guard.Refuse(New(SipMethod.Bye, toTag: "t1"), 5_000, 0), Is.Null, "a BYE ends admitted work");
        Assert.That(guard.Refuse(New(SipMethod.Invite, toTag: "t1"), 5_000, 0), Is.Null, "a re-INVITE belongs to an admitted call");
        Assert.That(guard.Refuse(New(SipMethod.Cancel), 5_000, 0), Is.Null, "a CANCEL matches an admitted INVITE");
        Assert.That(guard.ShedTotal, Is.EqualTo(2));
    }

    [Test]
    public void TheCallsInSetupCapRefusesEveryNewInvite()
    {
        var guard = Guard(new OverloadOptions { MaxCallsInSetup = 50 });

        Assert.That(guard.Refuse(New(SipMethod.Invite), 10, 49), Is.Null);
        Assert.That(guard.Refuse(New(SipMethod.Invite), 10, 50)?.StatusCode, Is.EqualTo(503));
        Assert.That(guard.Refuse(New(SipMethod.Invite, credentials: true), 10, 50)?.StatusCode, Is.EqualTo(503));
        Assert.That(guard.Refuse(New(SipMethod.Options), 10, 50), Is.Null, "only INVITEs are calls");
        Assert.That(guard.Shed(ShedReason.CallsInSetup), Is.EqualTo(2));
    }

    [Test]
    public void WithoutTheCapTheCallsInSetupAreNotCounted()
    {
        var guard = Guard(new OverloadOptions());

        Assert.That(guard.Refuse(New(SipMethod.Invite), 10, 1_000_000), Is.Null);
    }

    [Test]
    public void TheCallRateBucketAdmitsItsRateAndRefillsWithTime()
    {
        var guard = Guard(new OverloadOptions { MaxCallsPerSecond = 10 });

        int admitted = Enumerable.Range(0, 15).Count(_ => guard.Refuse(New(SipMethod.Invite), 0, 0) is null);
        Assert.That(admitted, Is.EqualTo(10), "one second of burst");
        Assert.That(guard.Shed(ShedReason.CallRate), Is.EqualTo(5));

        _time.Advance(TimeSpan.FromMilliseconds(250));
        admitted = Enumerable.Range(0, 5).Count(_ => guard.Refuse(New(SipMethod.Invite), 0, 0) is null);
        Assert.That(admitted, Is.EqualTo(2), "10 per second: 2.5 tokens after 250 ms");
    }

    [Test]
    public void AnInviteAnsweringAChallengeIsNotCountedAgain()
    {
        var guard = Guard(new OverloadOptions { MaxCallsPerSecond = 1 });

        Assert.That(guard.Refuse(New(SipMethod.Invite), 0, 0), Is.Null);
        Assert.That(guard.Refuse(New(SipMethod.Invite, credentials: true), 0, 0), Is.Null, "same call, second INVITE");
        Assert.That(guard.Refuse(New(SipMethod.Invite), 0, 0)?.StatusCode, Is.EqualTo(503), "the next call");
    }

    [Test]
    public void AShortBurstOfDelayIsNotOverload()
    {
        var guard = Guard(new OverloadOptions { MaxQueueDelayMilliseconds = 100 });

        Overloaded(guard, OverloadGuard.SustainedSamples - 1);
        guard.Observe(TimeSpan.FromMilliseconds(10));
        Overloaded(guard, OverloadGuard.SustainedSamples - 1);

        Assert.That(guard.AdmittedShare, Is.EqualTo(1));
        Assert.That(Enumerable.Range(0, 50).All(_ => guard.Refuse(New(SipMethod.Invite), 0, Busy) is null), Is.True);
    }

    [Test]
    public void ASustainedDelayLowersTheShareAndAdmissionFollowsItExactly()
    {
        var guard = Guard(new OverloadOptions { MaxQueueDelayMilliseconds = 100 });

        Overloaded(guard, OverloadGuard.SustainedSamples + 6); // 7 decreases: 0.9^7 = 0.478
        Assert.That(guard.AdmittedShare, Is.EqualTo(Math.Pow(OverloadGuard.Decrease, 7)).Within(1e-9));

        int admitted = Enumerable.Range(0, 1_000).Count(_ => guard.Refuse(New(SipMethod.Invite), 0, Busy) is null);
        Assert.That(admitted, Is.InRange(478, 479));
        Assert.That(guard.Shed(ShedReason.QueueDelay), Is.EqualTo(1_000 - admitted));
    }

    [Test]
    public void TheAdaptiveRuleShedsOnlyFirstInvitesAndOnlyWithCallsInSetup()
    {
        var guard = Guard(new OverloadOptions { MaxQueueDelayMilliseconds = 100 });
        Overloaded(guard, 100);
        Assert.That(guard.AdmittedShare, Is.EqualTo(OverloadGuard.MinimumShare));

        Assert.That(Enumerable.Range(0, 20).All(_ => guard.Refuse(New(SipMethod.Invite), 0, Busy - 1) is null), Is.True,
            "with few calls in set-up the delay is not the calls' doing");
        Assert.That(Enumerable.Range(0, 20).All(_ => guard.Refuse(New(SipMethod.Invite, credentials: true), 0, Busy) is null), Is.True,
            "an INVITE answering a challenge already cost a challenge");
        Assert.That(Enumerable.Range(0, 20).All(_ => guard.Refuse(New(SipMethod.Register), 0, Busy) is null), Is.True);
        Assert.That(Enumerable.Range(0, 20).All(_ => guard.Refuse(New(SipMethod.Bye, toTag: "t"), 0, Busy) is null), Is.True);
        Assert.That(Enumerable.Range(0, 20).Count(_ => guard.Refuse(New(SipMethod.Invite), 0, Busy) is null), Is.LessThanOrEqualTo(1));
    }

    [Test]
    public void OnceSheddingEveryReadingAboveTheTargetLowersTheShare()
    {
        var guard = Guard(new OverloadOptions { MaxQueueDelayMilliseconds = 100 });
        Overloaded(guard, OverloadGuard.SustainedSamples); // 0.9
        guard.Observe(TimeSpan.FromMilliseconds(20)); // 0.92

        guard.Observe(TimeSpan.FromMilliseconds(300));

        Assert.That(guard.AdmittedShare, Is.EqualTo((OverloadGuard.Decrease + OverloadGuard.Increase) * OverloadGuard.Decrease).Within(1e-9),
            "no new wait of four readings while the share is below all");
    }

    [Test]
    public void TheShareRecoversOnceTheDelayFalls()
    {
        var guard = Guard(new OverloadOptions { MaxQueueDelayMilliseconds = 100 });
        Overloaded(guard, 30);
        double low = guard.AdmittedShare;

        for (int i = 0; i < 10; i++)
        {
            guard.Observe(TimeSpan.FromMilliseconds(20));
        }
        Assert.That(guard.AdmittedShare, Is.EqualTo(low + (10 * OverloadGuard.Increase)).Within(1e-9));

        for (int i = 0; i < 60; i++)
        {
            guard.Observe(TimeSpan.FromMilliseconds(20));
        }
        Assert.That(guard.AdmittedShare, Is.EqualTo(1));
        Assert.That(Enumerable.Range(0, 50).All(_ => guard.Refuse(New(SipMethod.Invite), 0, Busy) is null), Is.True);
    }

    [Test]
    public void ZeroTurnsTheAdaptiveRuleOff()
    {
        var guard = Guard(new OverloadOptions { MaxQueueDelayMilliseconds = 0 });

        Overloaded(guard, 100, delayMs: 5_000);

        Assert.That(guard.AdmittedShare, Is.EqualTo(1));
        Assert.That(guard.QueueDelay, Is.EqualTo(TimeSpan.FromSeconds(5)), "still measured");
        Assert.That(Enumerable.Range(0, 50).All(_ => guard.Refuse(New(SipMethod.Invite), 0, 10_000) is null), Is.True);
    }

    [Test]
    public void TheSummaryIsOneWarningLinePerIntervalWithSheddingAndNothingOtherwise()
    {
        var guard = Guard(new OverloadOptions { MaxCallsPerSecond = 1, MaxServerTransactions = 1_000 });
        guard.ReportSummary();
        Assert.That(_log.Lines, Is.Empty, "nothing shed, nothing written");

        for (int i = 0; i < 4; i++)
        {
            guard.Refuse(New(SipMethod.Invite), 0, 0);
        }
        guard.Refuse(New(SipMethod.Options), 1_000, 0);
        Assert.That(_log.Lines, Is.Empty, "a shed request is never logged by itself");
        _time.Advance(TimeSpan.FromSeconds(10));
        guard.ReportSummary();

        Assert.That(_log.Lines, Has.Count.EqualTo(1));
        Assert.That(_log.Lines[0].Level, Is.EqualTo(LogLevel.Warning));
        Assert.That(_log.Lines[0].Message, Does.Contain("4 new requests answered 503 in the last 10 s"));
        Assert.That(_log.Lines[0].Message, Does.Contain("3 by calls per second"));
        Assert.That(_log.Lines[0].Message, Does.Contain("1 by the transaction table"));

        guard.ReportSummary();
        Assert.That(_log.Lines, Has.Count.EqualTo(1), "the next quiet interval writes nothing");
        Assert.That(guard.ShedTotal, Is.EqualTo(4), "the totals stay");
    }

    [TestCase(nameof(OverloadOptions.MaxQueueDelayMilliseconds), -1, "sip.overload.maxQueueDelayMilliseconds: -1 is out of range")]
    [TestCase(nameof(OverloadOptions.MaxCallsPerSecond), -5, "sip.overload.maxCallsPerSecond: -5 is out of range")]
    [TestCase(nameof(OverloadOptions.MaxServerTransactions), 10, "sip.overload.maxServerTransactions: 10 is out of range")]
    [TestCase(nameof(OverloadOptions.RetryAfterSeconds), 0, "sip.overload.retryAfterSeconds: 0 is out of range")]
    public void ABadValueFailsStartUpNamingTheKey(string property, int value, string expected)
    {
        var options = new OverloadOptions();
        typeof(OverloadOptions).GetProperty(property)!.SetValue(options, value);

        var result = new OverloadOptionsValidator().Validate(null, options);

        Assert.That(result.Failed, Is.True);
        Assert.That(result.FailureMessage, Does.Contain(expected));
    }

    [Test]
    public void TheDefaultsAreValid() =>
        Assert.That(new OverloadOptionsValidator().Validate(null, new OverloadOptions()).Succeeded, Is.True);
}
