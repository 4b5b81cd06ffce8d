using Softswitch.Core.Billing;
using Softswitch.Core.Gateways;
using Softswitch.Core.Numbers;
using Softswitch.Core.Store;

namespace Softswitch.Tests.Core.Billing;

/// <summary>
/// Suites, orders, suites in force (001_… §3.23-§3.31) and cards (§3.32, §3.58, §3.84) are written to SQLite before
/// memory, so a restart over the same file loses nothing and a used card stays used.
/// </summary>
public sealed class CardsRestartTests
{
    [Test]
    public async Task SuitesOrdersAndCardsSurviveARestart()
    {
        using var db = new TempDatabase();
        long suiteId;
        using (var services = new ServiceFixture(db))
        {
            var (suites, orders, active, cards) = Services(services);
            Assert.That((await services.Customers.CreateAsync("acme", new() { Name = "Acme", Money = 100 })).IsSuccess, Is.True);
            var suite = await suites.CreateAsync(new SuiteInput
            {
                Name = "s", RentPeriod = 1, RentType = 0, NonholonomicOrder = true, RentFee = 10m, MinConsumption = 0m,
                LowerConsumption = 0m, GiftMoney = 1.5m,
                GiftTimes = [new GiftTimeInput { Prefix = "0086", StartTime = 0, EndTime = 3600, GiftTime = 60, BillingTime = 6 }],
            });
            suiteId = suite.Value;
            var order = await orders.CreateAsync(new SuiteOrderInput { OwnerName = "acme", OwnerType = 2, SuiteId = suiteId, AvailableTime = 0 });
            Assert.That(order.IsSuccess, Is.True, order.Message);
            Assert.That((await active.CreateAsync(new ActivePhoneCardInput { Pin = "8001", Account = "acme", Password = "p" })).IsSuccess, Is.True);
            Assert.That((await cards.CreateAsync(new PhoneCardInput { Pin = "9001", Money = 5m, BitsOfConfig = PhoneCardBits.Recharge | PhoneCardBits.FaceValueToBalance })).IsSuccess, Is.True);
            Assert.That((await cards.PayAsync("acme", 2, "9001", null, "x")).IsSuccess, Is.True);
        }
        using (var restarted = new ServiceFixture(db))
        {
            var billing = new BillingState(new SqliteBillingStore(db.OpenStore()));
            await billing.LoadAsync();
            await restarted.State.LoadAsync();

            Assert.That(billing.FindSuite(suiteId)!.GiftTimes.Single().GiftTimeSeconds, Is.EqualTo(60));
            Assert.That(billing.SuiteOrders, Has.Count.EqualTo(1));
            Assert.That(billing.CurrentSuites.Single().Suite.GiftMoney, Is.EqualTo(1.5m));
            Assert.That(billing.FindActivePhoneCard("8001")!.Account, Is.EqualTo("acme"));
            Assert.That(billing.FindPhoneCard("9001")!.UsedAccount, Is.EqualTo("acme"));
            Assert.That(Money.From(restarted.Customers.Find("acme")!.Money), Is.EqualTo(95m), "100 - 10 rent + 5 card");
            var (_, _, _, cards) = Services(restarted, billing);
            Assert.That((await cards.PayAsync("acme", 2, "9001", null, null)).Error, Is.EqualTo(Softswitch.Core.Management.ServiceError.Duplicate));
        }
    }

    private static (SuiteService, SuiteOrderService, ActivePhoneCardService, PhoneCardService) Services(ServiceFixture services,
        BillingState? loaded = null)
    {
        var store = services.Db.OpenStore();
        var billing = loaded ?? new BillingState(new SqliteBillingStore(store));
        var numbers = new NumberState(new SqliteNumberStore(store));
        var gateways = new GatewayState(new SqliteGatewayStore(store));
        var rating = new RatingService(services.State, billing, numbers, gateways);
        var payments = new PaymentService(services.Customers, services.State, billing, rating, services.Time);
        var orders = new SuiteOrderService(services.State, billing, services.Customers, services.Time);
        var active = new ActivePhoneCardService(services.State, billing, numbers, services.Time);
        var binded = new BindedE164Service(services.State, numbers, services.Time);
        var cards = new PhoneCardService(services.State, billing, payments, services.Customers, active, orders, services.Phones,
            binded, numbers, services.Time);
        return (new SuiteService(services.State, billing), orders, active, cards);
    }
}
