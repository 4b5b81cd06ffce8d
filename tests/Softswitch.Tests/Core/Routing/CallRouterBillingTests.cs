using Softswitch.Core.Billing;
using Softswitch.Core.Calls;
using Softswitch.Core.Phones;
using Softswitch.Core.Routing;

namespace Softswitch.Tests.Core.Routing;

/// <summary>Billing's admission inside the router (docs/billing.md "Prepaid control"): refusals and the money cap.</summary>
public sealed class CallRouterBillingTests
{
    private RouterFixture _f = null!;

    [SetUp]
    public void SetUp()
    {
        _f = new RouterFixture();
        _f.Rates("retail", ("0086", 0.2m, FeeRateType.Local));
        _f.Routing("out", "0");
        _f.Phone("1002");
    }

    [TearDown]
    public void TearDown() => _f.Dispose();

    [Test]
    public void TheMoneyCapsThePlanAndEveryAttempt()
    {
        _f.Customer("acme", feeRateGroup: "retail", money: 1);
        _f.Phone("1001");

        var plan = _f.Route(_f.FromPhone("1001", "0086123")).Plan!;

        Assert.That(plan.MaxDuration, Is.EqualTo(TimeSpan.FromSeconds(299)), "5 periods of 60 s, less the margin");
        Assert.That(plan.Attempts.Select(a => a.MaxDuration), Has.All.EqualTo(TimeSpan.FromSeconds(299)));
    }

    [Test]
    public void ATighterLimitOfThePhoneStillWins()
    {
        _f.Customer("acme", feeRateGroup: "retail", money: 1);
        _f.Phone("1001", p => p with { Additional = new PhoneAdditional { CallDurationLimit = 100 } });

        Assert.That(_f.Route(_f.FromPhone("1001", "0086123")).Plan!.MaxDuration, Is.EqualTo(TimeSpan.FromSeconds(100)));
    }

    [Test]
    public void APayerWhoCannotPayThe1stPeriodIsRefused()
    {
        _f.Customer("acme", feeRateGroup: "retail", money: 0.1);
        _f.Phone("1001");

        var decision = _f.Route(_f.FromPhone("1001", "0086123"));

        Assert.That(decision.IsRouted, Is.False);
        Assert.That(decision.Refusal!.Reason, Is.EqualTo(EndReason.InsufficientBalance));
        Assert.That(decision.Refusal.Detail, Does.Contain("acme"));
        Assert.That(EndReasons.Of(EndReason.InsufficientBalance).SipStatus, Is.EqualTo(402));
    }

    [Test]
    public void AnExpiredAccountIsRefused()
    {
        _f.Directory.PutCustomer(_f.Customer("acme", feeRateGroup: "retail") with { ValidTime = _f.Time.GetUtcNow().ToUnixTimeMilliseconds() - 1 });
        _f.Phone("1001");

        Assert.That(_f.Route(_f.FromPhone("1001", "0086123")).Refusal!.Reason, Is.EqualTo(EndReason.AccountExpired));
    }

    [Test]
    public void APhoneOfTheSwitchWithoutARateIsFreeAndUncapped()
    {
        _f.Customer("acme", feeRateGroup: "retail", money: 0);
        _f.Phone("1001");

        var decision = _f.Route(_f.FromPhone("1001", "1002"));

        Assert.That(decision.IsRouted, Is.True, decision.Refusal?.Detail);
        Assert.That(decision.Plan!.MaxDuration, Is.Null);
        Assert.That(_f.Route(_f.FromPhone("1001", "0044123")).Refusal!.Reason, Is.EqualTo(EndReason.NoFeeRate), "off-net needs a rate");
    }

    [Test]
    public void AnAccountWithoutAFeeRateGroupIsNotBilled()
    {
        _f.Customer("acme", money: 0);
        _f.Phone("1001");

        var decision = _f.Route(_f.FromPhone("1001", "0086123"));

        Assert.That(decision.IsRouted, Is.True, decision.Refusal?.Detail);
        Assert.That(decision.Plan!.MaxDuration, Is.Null);
    }
}
