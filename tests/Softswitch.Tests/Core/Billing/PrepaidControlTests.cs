using Softswitch.Core.Billing;
using Softswitch.Core.Calls;

namespace Softswitch.Tests.Core.Billing;

/// <summary>Prepaid admission: who may call, and for how long (docs/billing.md "Prepaid control").</summary>
public sealed class PrepaidControlTests
{
    private const string China = "0086,86,China,5,0.2,60";
    private BillingFixture _f = null!;
    private PrepaidControl _prepaid = null!;

    [SetUp]
    public void SetUp()
    {
        _f = new BillingFixture();
        _prepaid = new PrepaidControl(_f.Rating);
    }

    [TearDown]
    public void TearDown() => _f.Dispose();

    private Affordability Afford(string account, string callee = "0086123", bool? onNet = false, decimal spent = 0m) =>
        _prepaid.Afford(_f.Rating.OwnerOfAccount(account)!, callee, onNet, _f.Services.Time.GetUtcNow(), spent);

    [TestCase(1.0, 0.0, 300)]
    [TestCase(1.1, 0.0, 300)]
    [TestCase(0.5, 0.5, 300)]
    [TestCase(0.0, 0.2, 60)]
    [TestCase(-0.2, 0.6, 120)]
    public async Task MoneyPlusOverdraftBuysWholePeriods(double money, double limit, int seconds)
    {
        await _f.AccountAsync("acme", (decimal)money, (decimal)limit, csv: [China]);

        var afford = Afford("acme");

        Assert.That(afford.Refusal, Is.Null);
        Assert.That(afford.Seconds, Is.EqualTo(seconds));
        Assert.That(afford.Cap, Is.EqualTo(TimeSpan.FromSeconds(seconds - 1)), "a second of margin for the hold time's round-up");
        Assert.That(afford.Rate!.FeePrefix, Is.EqualTo("0086"));
    }

    [Test]
    public async Task ACallCutAtTheCapNeverCostsMoreThanTheMoney()
    {
        await _f.AccountAsync("acme", 1m, 0.3m, csv: ["0086,86,China,5,0.2,60", "00861,,Mobile,5,0.07,6,0,0.07,6,0.05/30"]);

        foreach (string callee in new[] { "0086123", "00861390000" })
        {
            var afford = Afford("acme", callee);
            // The B2BUA ends the call at the cap; it may land up to a second late, and the hold time rounds up.
            int billed = (int)afford.Cap!.Value.TotalSeconds + 1;
            Assert.That(afford.Rate!.Charge(billed).Fee, Is.LessThanOrEqualTo(1.3m), callee);
            Assert.That(afford.Rate.Charge(afford.Seconds + 1).Fee, Is.GreaterThan(1.3m), $"{callee}: the cap is not shorter than it must be");
        }
    }

    [Test]
    public async Task NoMoneyIsRefusedWithInsufficientBalance()
    {
        await _f.AccountAsync("zero", 0m, csv: [China]);
        await _f.AccountAsync("crumbs", 0.1999m, group: "std");

        Assert.That(Afford("zero").Refusal, Is.EqualTo(EndReason.InsufficientBalance));
        Assert.That(Afford("zero").TimeRemain, Is.EqualTo(-25));
        Assert.That(Afford("crumbs").Refusal, Is.EqualTo(EndReason.InsufficientBalance), "less than one period");
        Assert.That(Afford("crumbs").Cap, Is.Null);
    }

    [Test]
    public async Task AlreadySpentMoneyIsTakenOff()
    {
        await _f.AccountAsync("acme", 1m, csv: [China]);

        Assert.That(Afford("acme", spent: 0.6m).Seconds, Is.EqualTo(120));
        Assert.That(Afford("acme", spent: 1m).Refusal, Is.EqualTo(EndReason.InsufficientBalance));
    }

    [Test]
    public async Task LockedAndExpiredAccountsAreRefused()
    {
        await _f.AccountAsync("acme", 10m, csv: [China]);
        long now = _f.Services.Time.GetUtcNow().ToUnixTimeMilliseconds();
        Assert.That((await _f.Services.Customers.ModifyAsync("acme", new() { ValidTime = now - 1 })).IsSuccess, Is.True);

        Assert.That(Afford("acme").Refusal, Is.EqualTo(EndReason.AccountExpired));
        Assert.That(Afford("acme").TimeRemain, Is.EqualTo(-90));
        Assert.That((await _f.Services.Customers.ModifyAsync("acme", new() { ValidTime = now + 1000 })).IsSuccess, Is.True);
        Assert.That(Afford("acme").Refusal, Is.Null);
        _f.Services.Time.Advance(TimeSpan.FromSeconds(2));
        Assert.That(Afford("acme").Refusal, Is.EqualTo(EndReason.AccountExpired), "expiry is read from the clock");
    }

    [Test]
    public async Task NoRateIsRefusedOffNetAndFreeOnNet()
    {
        await _f.AccountAsync("acme", 10m, csv: [China]);
        await _f.AccountAsync("plain", 0m, group: "");

        Assert.That(Afford("acme", "0044123").Refusal, Is.EqualTo(EndReason.NoFeeRate));
        Assert.That(Afford("acme", "0044123").TimeRemain, Is.EqualTo(-91));
        Assert.That(Afford("acme", "1002", onNet: true).Seconds, Is.EqualTo(FeeRate.Unlimited));
        Assert.That(Afford("acme", "1002", onNet: true).Cap, Is.Null);
        Assert.That(Afford("plain").Seconds, Is.EqualTo(FeeRate.Unlimited), "an account without a fee-rate group is not billed");
    }

    [Test]
    public async Task WithoutAnEndpointTypeAPhoneOfTheSwitchIsOnNet()
    {
        await _f.AccountAsync("acme", 10m, csv: [China]);
        Assert.That((await _f.Services.Phones.CreateAsync(false, "1002", new() { Account = "acme", Password = "secret12" })).IsSuccess, Is.True);

        Assert.That(Afford("acme", "1002", onNet: null).Seconds, Is.EqualTo(FeeRate.Unlimited));
        Assert.That(Afford("acme", "1003", onNet: null).Refusal, Is.EqualTo(EndReason.NoFeeRate));
    }
}
