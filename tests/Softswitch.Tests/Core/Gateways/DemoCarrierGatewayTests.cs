using Softswitch.Core.Gateways;
using Softswitch.Tests.Core.Routing;

namespace Softswitch.Tests.Core.Gateways;

/// <summary>The demo routing gateway (docs/simulation.md "The demo carrier"): what it holds and where it sends 9… calls.</summary>
public sealed class DemoCarrierGatewayTests
{
    private GatewayServiceFixture _f = null!;

    [SetUp]
    public async Task SetUp() => _f = await GatewayServiceFixture.OpenAsync();

    [TearDown]
    public void TearDown() => _f.Dispose();

    [Test]
    public async Task CreatedOnceThenLeftAloneThenRepointedWhenTheCarrierMoves()
    {
        Assert.That(await DemoCarrierGateway.EnsureAsync(_f.Routing, "127.0.0.1", 40001), Is.EqualTo(DemoCarrierGatewayChange.Created));
        Assert.That(await DemoCarrierGateway.EnsureAsync(_f.Routing, "127.0.0.1", 40001), Is.EqualTo(DemoCarrierGatewayChange.Unchanged));
        await _f.Routing.ModifyAsync("demo-carrier", new RoutingGatewayChanges { Prefix = "9,8" });
        Assert.That(await DemoCarrierGateway.EnsureAsync(_f.Routing, "127.0.0.1", 40002), Is.EqualTo(DemoCarrierGatewayChange.Repointed));

        var gateway = _f.Routing.Query(null).Single();
        Assert.That((gateway.Name, gateway.RemoteIp, gateway.SignalPort), Is.EqualTo(("demo-carrier", "127.0.0.1", 40002)));
        Assert.That((gateway.Prefix, gateway.RewriteRulesInCallee), Is.EqualTo(("9,8", "9:")), "the operator's prefix is kept");
    }

    [Test]
    public async Task APhoneDiallingNineReachesTheCarrierWithTheNineStripped()
    {
        await DemoCarrierGateway.EnsureAsync(_f.Routing, "127.0.0.1", 40001);
        using var router = new RouterFixture();
        router.Gateways.PutRouting(_f.Routing.Find("demo-carrier")!);
        router.Phone("1001");

        var plan = router.Route(router.FromPhone("1001", "9123456")).Plan!;

        var attempt = plan.Attempts.Single();
        Assert.That((attempt.GatewayName, attempt.Ip, attempt.Port, attempt.CalleeNumber), Is.EqualTo(("demo-carrier", "127.0.0.1", 40001, "123456")));
    }
}
