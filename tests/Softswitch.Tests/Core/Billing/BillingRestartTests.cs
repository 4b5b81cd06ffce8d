using Softswitch.Core.Billing;
using Softswitch.Core.Gateways;
using Softswitch.Core.Numbers;
using Softswitch.Core.Store;

namespace Softswitch.Tests.Core.Billing;

/// <summary>Billing writes reach SQLite before memory, so a restart over the same file loses nothing (docs/architecture.md).</summary>
public sealed class BillingRestartTests
{
    [Test]
    public async Task RatesGroupsAndPaymentsSurviveARestart()
    {
        using var db = new TempDatabase();
        using (var services = new ServiceFixture(db))
        {
            var (rates, payments) = Billing(services);
            Assert.That((await services.Customers.CreateAsync("acme", new() { Name = "Acme" })).IsSuccess, Is.True);
            Assert.That((await rates.CreateGroupAsync("std", 30, "m")).IsSuccess, Is.True);
            Assert.That((await rates.ImportAsync("std", "0086,86,China,5,0.2,60,0,0.3,30,0.1/10", replace: false)).Value, Is.EqualTo(1));
            Assert.That((await payments.PayAsync("acme", 2, 12.3456m, "x")).IsSuccess, Is.True);
        }
        using (var restarted = new ServiceFixture(db))
        {
            var billing = new BillingState(new SqliteBillingStore(db.OpenStore()));
            await billing.LoadAsync();
            var rate = billing.RatesOf("std").Find("0086755");

            Assert.That(billing.FindFeeRateGroup("std"), Is.EqualTo(new FeeRateGroup("std", 30, "m")));
            Assert.That(rate, Is.Not.Null);
            Assert.That(rate!.Fee, Is.EqualTo(0.2m));
            Assert.That(rate.IvrPeriod, Is.EqualTo(30));
            Assert.That(rate.Sections, Is.EqualTo(new[] { new FeeRateSection(0.1m, 10, 0) }));
            await restarted.State.LoadAsync();
            Assert.That(Money.From(restarted.Customers.Find("acme")!.Money), Is.EqualTo(12.3456m));
        }
    }

    private static (FeeRateService, PaymentService) Billing(ServiceFixture services)
    {
        var store = services.Db.OpenStore();
        var billing = new BillingState(new SqliteBillingStore(store));
        var numbers = new NumberState(new SqliteNumberStore(store));
        var gateways = new GatewayState(new SqliteGatewayStore(store));
        var rating = new RatingService(services.State, billing, numbers, gateways);
        return (new FeeRateService(services.State, billing), new PaymentService(services.Customers, services.State, billing, rating, services.Time));
    }
}
