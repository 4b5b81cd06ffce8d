using Softswitch.Core.Billing;
using Softswitch.Core.Cdrs;
using Softswitch.Core.Phones;

namespace Softswitch.Tests.Core.Billing;

/// <summary>Callee billing and noBillingToPhone (docs/billing.md "Callee billing and free calls between phones").</summary>
public sealed class CalleeBillingTests
{
    private BillingFixture _f = null!;

    [SetUp]
    public async Task SetUp()
    {
        _f = new BillingFixture();
        await _f.GroupAsync("retail", "0086,86,China,5,0.2,60", "8,8,On net,1,0.1,60");
        await _f.GroupAsync("tollfree", "0086,86,China,5,0.1,60");
        await _f.GroupAsync("wholesale", "0086,86,China,5,0.05,60", "8,8,On net,1,0.05,60");
        await _f.CustomerAsync("dealer", 5m, "wholesale");
        await _f.CustomerAsync("trunk", 5m, "retail");
        await _f.CustomerAsync("hotline", 5m, "tollfree", agent: "dealer");
    }

    [TearDown]
    public void TearDown() => _f.Dispose();

    [Test]
    public async Task ACallToACalleeBilledPhoneIsPaidByItsAccountForTheCallersNumber()
    {
        await PhoneAsync("8001", "hotline", calleeBilling: true);

        await _f.CallBilling.WriteAsync([BillingFixture.Call("trunk", "8001", 61) with { CallerE164 = "0086555" }], _f.Cdrs);

        var cdr = (await CdrsAsync("hotline")).Single();
        Assert.That((cdr.CalleeBilling, cdr.Account, cdr.AccountName), Is.EqualTo((1, "hotline", "HOTLINE")));
        Assert.That((cdr.Fee, cdr.FeeTime, cdr.FeePrefix), Is.EqualTo((0.2, 120, "0086")), "two periods of 0.1 at the caller's area");
        Assert.That((cdr.AgentAccount, cdr.AgentFee), Is.EqualTo(("dealer", 0.1)), "the callee account's agent pays its own rate");
        Assert.That(_f.Balance("hotline"), Is.EqualTo(4.8m));
        Assert.That(_f.Balance("dealer"), Is.EqualTo(4.9m));
        Assert.That(_f.Balance("trunk"), Is.EqualTo(5m), "the caller's account pays nothing");
        Assert.That(await _f.MovementsAsync("trunk"), Is.Empty);
        await _f.AssertBalancesAreLedgerSumsAsync("hotline", "dealer", "trunk");
    }

    [Test]
    public async Task WithoutCalleeBillingTheCallerPaysForTheCalleesNumber()
    {
        await PhoneAsync("8001", "hotline", calleeBilling: false);

        await _f.CallBilling.WriteAsync([BillingFixture.Call("trunk", "8001", 61) with { CallerE164 = "0086555" }], _f.Cdrs);

        var cdr = (await CdrsAsync("trunk")).Single();
        Assert.That((cdr.CalleeBilling, cdr.Fee, cdr.FeePrefix), Is.EqualTo((0, 0.2, "8")));
        Assert.That(_f.Balance("hotline"), Is.EqualTo(5m));
        Assert.That(_f.Balance("trunk"), Is.EqualTo(4.8m));
    }

    [Test]
    public async Task AnExternallyBilledCdrKeepsItsPayerEvenToACalleeBilledPhone()
    {
        await PhoneAsync("8001", "hotline", calleeBilling: true);

        await _f.CallBilling.CreateAsync(BillingFixture.Call("trunk", "0086123", 60) with { CalleeBilling = 2, FlowNo = 5 }, _f.Cdrs);
        await _f.CallBilling.CreateAsync(BillingFixture.Call("trunk", "8001", 60) with { CalleeBilling = 2, FlowNo = 6 }, _f.Cdrs);

        Assert.That(_f.Balance("trunk"), Is.EqualTo(4.7m), "0.2 + 0.1, both on the CDR's own account");
        Assert.That(_f.Balance("hotline"), Is.EqualTo(5m));
    }

    [Test]
    public async Task ACalleeBilledCallReplayedChargesTheCalleeOnce()
    {
        await PhoneAsync("8001", "hotline", calleeBilling: true);
        var call = BillingFixture.Call("trunk", "8001", 60) with { CallerE164 = "0086555", CallKey = "boot-b-3" };

        await _f.CallBilling.WriteAsync([call], _f.Cdrs);
        Assert.That(() => _f.CallBilling.WriteAsync([call], _f.Cdrs), Throws.Exception);

        Assert.That(_f.Balance("hotline"), Is.EqualTo(4.9m));
        Assert.That(_f.Balance("dealer"), Is.EqualTo(4.95m));
        await _f.AssertBalancesAreLedgerSumsAsync("hotline", "dealer", "trunk");
    }

    [TestCase(1, "8002", 0.0)]
    [TestCase(1, "0086123", 0.2)]
    [TestCase(2, "8002", 0.1)]
    [TestCase(0, "8002", 0.1)]
    public async Task NoBillingToPhoneMakesCallsToPhonesOfTheSwitchFree(int noBillingToPhone, string callee, double fee)
    {
        await _f.CustomerAsync("acme", 1m, "retail", agent: "dealer");
        await PhoneAsync("1001", "acme", calleeBilling: false, noBillingToPhone);
        await PhoneAsync("8002", "hotline", calleeBilling: false);

        await _f.CallBilling.WriteAsync([BillingFixture.Call("acme", callee, 60) with { CallerE164 = "1001", BillingMode = 0 }], _f.Cdrs);

        var cdr = (await CdrsAsync("acme")).Single();
        Assert.That(cdr.Fee, Is.EqualTo(fee));
        Assert.That(_f.Balance("acme"), Is.EqualTo(1m - (decimal)fee));
        Assert.That(_f.Balance("dealer"), fee == 0 ? Is.EqualTo(5m) : Is.LessThan(5m), "the agent is free exactly when the payer is");
        await _f.AssertBalancesAreLedgerSumsAsync("acme", "dealer");
    }

    private async Task PhoneAsync(string e164, string account, bool calleeBilling, int noBillingToPhone = 0) =>
        Assert.That((await _f.Services.Phones.CreateAsync(false, e164, new()
        {
            Account = account, Password = "secret12", CalleeBilling = calleeBilling,
            Additional = new PhoneAdditional { NoBillingToPhone = noBillingToPhone },
        })).IsSuccess, Is.True);

    private Task<IReadOnlyList<Cdr>> CdrsAsync(string account) =>
        _f.Cdrs.QueryAsync(new CdrQuery { Accounts = [account], From = DateTimeOffset.UnixEpoch, To = DateTimeOffset.UnixEpoch.AddDays(1) });
}
