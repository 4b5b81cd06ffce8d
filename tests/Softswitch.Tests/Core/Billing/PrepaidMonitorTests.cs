using Softswitch.Core.Billing;
using Softswitch.Core.Calls;
using Softswitch.Core.Cdrs;

namespace Softswitch.Tests.Core.Billing;

/// <summary>Parallel calls of one account share its money and stop together (docs/billing.md "Parallel calls").</summary>
public sealed class PrepaidMonitorTests
{
    private const string China = "0086,86,China,5,0.2,60";
    private BillingFixture _f = null!;
    private CallRegistry _registry = null!;
    private CdrQueue _cdrs = null!;
    private PrepaidMonitor _monitor = null!;

    [SetUp]
    public void SetUp()
    {
        _f = new BillingFixture();
        _registry = new CallRegistry(_f.Services.Time, new CallEvents());
        _cdrs = new CdrQueue(new CdrQueueOptions());
        var control = new DetachedCallControl(_registry, new CdrRecorder(_registry, _cdrs));
        _monitor = new PrepaidMonitor(_registry, _f.Rating, _f.Billing, control, _f.Services.Time);
    }

    [TearDown]
    public void TearDown()
    {
        _monitor.Dispose();
        _f.Dispose();
    }

    private Call Connected(string account, string callee = "0086123")
    {
        var call = _registry.Create(new CallSetup { CallerE164 = "777", CalleeE164 = callee, Account = account, CallerGateway = "trunk" });
        Assert.That(call.Fire(CallTrigger.InviteSent) && call.Fire(CallTrigger.Answered), Is.True);
        return call;
    }

    private int RunUntilSomethingEnds(int maxSeconds)
    {
        for (int second = 1; second <= maxSeconds; second++)
        {
            _f.Services.Time.Advance(TimeSpan.FromSeconds(1));
            if (_monitor.Check() > 0)
            {
                return second;
            }
        }
        return -1;
    }

    [Test]
    public async Task TwoCallsStopTogetherBeforeTheirChargesPassTheMoney()
    {
        await _f.AccountAsync("acme", 1m, csv: [China]);
        Connected("acme");
        Connected("acme");

        int endedAt = RunUntilSomethingEnds(400);

        Assert.That(endedAt, Is.InRange(115, 120), "2 calls × 0.2 per 60 s: 1.0 pays 2.5 periods each, so both stop in the 2nd");
        Assert.That(_registry.Count, Is.Zero, "both ended in the same pass");
        var ended = new List<Cdr>();
        while (_cdrs.Reader.TryRead(out var cdr))
        {
            ended.Add(cdr);
        }
        Assert.That(ended.Select(c => (c.EndReason, c.EndDirection)), Has.All.EqualTo((EndReason.BalanceExhausted, EndDirection.Server)));
        await _f.CallBilling.WriteAsync(ended, _f.Cdrs);
        Assert.That(_f.Balance("acme"), Is.GreaterThanOrEqualTo(0m), "never below -limitMoney");
        Assert.That(_f.Balance("acme"), Is.EqualTo(0.2m));
    }

    [Test]
    public async Task AdmissionSpendsOnlyWhatTheLiveCallsLeft()
    {
        await _f.AccountAsync("acme", 1m, csv: [China]);
        Connected("acme");
        Connected("acme");
        _f.Services.Time.Advance(TimeSpan.FromSeconds(61));

        Assert.That(_monitor.Check(), Is.Zero);

        Assert.That(_f.Billing.CommittedOf("acme"), Is.EqualTo(0.8m), "2 started periods on each call");
        var third = new PrepaidControl(_f.Rating).Afford(_f.Rating.OwnerOfAccount("acme")!, "0086123", false, _f.Services.Time.GetUtcNow());
        Assert.That(third.Seconds, Is.EqualTo(60), "0.2 left");
    }

    [Test]
    public async Task UnbilledAccountsAndUnansweredCallsAreLeftAlone()
    {
        await _f.AccountAsync("acme", 0.2m, csv: [China]);
        await _f.AccountAsync("free", 0m, group: "");
        Connected("free");
        _registry.Create(new CallSetup { CallerE164 = "777", CalleeE164 = "0086123", Account = "acme", CallerGateway = "trunk" }).Fire(CallTrigger.InviteSent);

        Assert.That(RunUntilSomethingEnds(200), Is.EqualTo(-1));
        Assert.That(_registry.Count, Is.EqualTo(2));
    }

    [Test]
    public async Task TheTimerRunsTheCheckOnTheInjectedClock()
    {
        await _f.AccountAsync("acme", 0.2m, csv: [China]);
        Connected("acme");
        _monitor.Start();

        for (int i = 0; i < 60 && _registry.Count > 0; i++)
        {
            _f.Services.Time.Advance(TimeSpan.FromSeconds(1));
        }

        Assert.That(_registry.Count, Is.Zero, "one call, 0.2 for one period: ended within its first minute");
        Assert.That(_monitor.Failures, Is.Zero);
    }
}
