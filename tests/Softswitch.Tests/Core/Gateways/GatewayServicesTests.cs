using Softswitch.Core.Accounts;
using Softswitch.Core.Gateways;
using Softswitch.Core.Management;
using Softswitch.Core.Numbers;
using Softswitch.Core.Routing;
using Softswitch.Core.Store;

namespace Softswitch.Tests.Core.Gateways;

/// <summary>Gateway services over a temp database: persistence across a restart and the lookups the engine routes with.</summary>
public sealed class GatewayServicesTests
{
    private TempDatabase _db = null!;
    private ServiceFixture _f = null!;

    [SetUp]
    public async Task SetUp()
    {
        _db = new TempDatabase();
        _f = new ServiceFixture(_db);
        await _f.Customers.CreateAsync("acme", new CustomerChanges { Name = "Acme" });
    }

    [TearDown]
    public void TearDown()
    {
        _f.Dispose();
        _db.Dispose();
    }

    private (MappingGatewayService Mapping, RoutingGatewayService Routing, GatewayState State, GatewayPresence Presence) Open()
    {
        var store = _db.OpenStore();
        var gateways = new GatewayState(new SqliteGatewayStore(store));
        var numbers = new NumberState(new SqliteNumberStore(store));
        var presence = new GatewayPresence();
        return (new MappingGatewayService(_f.State, gateways, numbers, presence),
            new RoutingGatewayService(_f.State, gateways, numbers, presence), gateways, presence);
    }

    [Test]
    public async Task GatewaysSurviveARestartWithEveryFieldAndTheirIds()
    {
        var (mapping, routing, _, _) = Open();
        await mapping.CreateAsync("in1", new MappingGatewayChanges
        {
            RemoteIps = "192.0.2.1", Account = "acme", SipCodecs = ["PCMA"], LockType = 2,
            ProportionCalleePrefixs = [new ProportionCalleePrefix { Proportion = 3, AddPrefix = "7" }],
        });
        await routing.CreateAsync("out1", new RoutingGatewayChanges { Prefix = "86", RegisterType = 2, MaxSecondRates = 0.01 });

        var (_, _, reloaded, _) = Open();
        await reloaded.LoadAsync();

        var m = reloaded.FindMapping("in1")!;
        Assert.That(m.Id, Is.Positive);
        Assert.That(m.LockType, Is.EqualTo(GatewayLockType.CallIn));
        Assert.That(m.SipCodecs, Is.EqualTo(new[] { "PCMA" }));
        Assert.That(m.ProportionCalleePrefixs[0].AddPrefix, Is.EqualTo("7"));
        Assert.That(m.MaxCallDurationUpper, Is.EqualTo(-1), "default");
        var r = reloaded.FindRouting("out1")!;
        Assert.That(r.RegisterType, Is.EqualTo(GatewayRegisterType.Register));
        Assert.That(r.MaxSecondRates, Is.EqualTo(0.01));
        Assert.That(r.Protocol, Is.EqualTo(GatewayProtocol.Sip));
    }

    [Test]
    public async Task ModifyChangesOnlyTheGivenFields()
    {
        var (mapping, _, state, _) = Open();
        await mapping.CreateAsync("in1", new MappingGatewayChanges { Capacity = 5, Memo = "a", SoftswitchName = "sw1" });

        var result = await mapping.ModifyAsync("in1", new MappingGatewayChanges { Memo = "b", SoftswitchName = "sw2" });

        Assert.That(result.IsSuccess, Is.True);
        var g = state.FindMapping("in1")!;
        Assert.That((g.Capacity, g.Memo, g.SoftswitchName), Is.EqualTo((5, "b", "sw1")), "§3.12 has no softswitchName");
    }

    [Test]
    public async Task StaticMappingGatewaysAreFoundBySourceAddress()
    {
        var (mapping, _, state, _) = Open();
        await mapping.CreateAsync("any-port", new MappingGatewayChanges { RemoteIps = "192.0.2.1, 192.0.2.2" });
        await mapping.CreateAsync("one-port", new MappingGatewayChanges { RemoteIps = "198.51.100.1:5080", SipAuthenticationMethod = 1 });

        Assert.That(state.FindMappingBySource("192.0.2.2", 5060)?.Name, Is.EqualTo("any-port"));
        Assert.That(state.FindMappingBySource("198.51.100.1", 5080)?.Name, Is.EqualTo("one-port"));
        Assert.That(state.FindMappingBySource("198.51.100.1", 5060), Is.Null);
        await mapping.DeleteAsync("any-port");
        Assert.That(state.FindMappingBySource("192.0.2.2", 5060), Is.Null);
    }

    [Test]
    public async Task TheRoutingIndexFollowsEveryRoutingGatewayWrite()
    {
        var (mapping, routing, state, _) = Open();
        await routing.CreateAsync("wide", new RoutingGatewayChanges { Prefix = "" });
        await routing.CreateAsync("china", new RoutingGatewayChanges { Prefix = "86", Priority = 2 });
        await routing.CreateAsync("beijing", new RoutingGatewayChanges { Prefix = "8610,008610" });
        var before = state.RoutingIndex;

        await routing.ModifyAsync("china", new RoutingGatewayChanges { Prefix = "86,8610" });
        var modified = state.RoutingIndex;
        await routing.DeleteAsync("beijing");
        var deleted = state.RoutingIndex;
        await mapping.CreateAsync("in1", new MappingGatewayChanges { RemoteIps = "192.0.2.1" });

        Assert.That(Longest(before, "8610555"), Is.EqualTo(new[] { "beijing" }));
        Assert.That(Longest(modified, "8610555"), Is.EqualTo(new[] { "china", "beijing" }), "by id within the prefix");
        Assert.That(Longest(deleted, "8610555"), Is.EqualTo(new[] { "china" }));
        Assert.That(Longest(deleted, "1555"), Is.EqualTo(new[] { "wide" }));
        Assert.That(state.RoutingIndex, Is.SameAs(deleted), "a mapping-gateway write keeps the routing index");
        Assert.That(Longest(before, "8610555"), Is.EqualTo(new[] { "beijing" }), "a reader's snapshot never changes");
    }

    private static string[] Longest(RoutingIndex index, string callee)
    {
        var matches = new RoutePrefixMatch[index.MaxMatches];
        return index.Match(callee, matches) == 0 ? [] : index.Gateways(matches[0]).ToArray().Select(e => e.Gateway.Name).ToArray();
    }

    [Test]
    public void PresenceLapsesAndSweeps()
    {
        var presence = new GatewayPresence();
        var now = _f.Time.GetUtcNow();
        var changes = new List<bool>();
        presence.PresenceChanged += (_, online) => changes.Add(online);
        presence.Upsert(new GatewayPresenceEntry(GatewayKind.Routing, "out1", "198.51.100.1:5060", null, now, now.AddSeconds(30)));

        Assert.That(presence.IsOnline(GatewayKind.Routing, "out1", now), Is.True);
        Assert.That(presence.IsOnline(GatewayKind.Mapping, "out1", now), Is.False, "the kinds are separate");
        Assert.That(presence.Snapshot(GatewayKind.Routing, now.AddSeconds(31)), Is.Empty);
        Assert.That(presence.Sweep(now.AddSeconds(31)), Is.EqualTo(1));
        Assert.That(changes, Is.EqualTo(new[] { true, false }));
    }

    [Test]
    public void EveryChangePropertyExistsOnTheGateway()
    {
        static string[] Missing(Type changes, Type gateway) => changes.GetProperties()
            .Select(p => p.Name).Except(gateway.GetProperties().Select(p => p.Name)).ToArray();

        Assert.That(Missing(typeof(MappingGatewayChanges), typeof(MappingGateway)), Is.Empty);
        Assert.That(Missing(typeof(RoutingGatewayChanges), typeof(RoutingGateway)), Is.Empty);
        Assert.That(typeof(MappingGateway).GetProperties().Length - 2, Is.EqualTo(typeof(MappingGatewayChanges).GetProperties().Length),
            "every gateway field but id and name is writable");
    }

    [Test]
    public async Task ValidationFailuresLeaveNothingBehind()
    {
        var (mapping, _, state, _) = Open();

        var result = await mapping.CreateAsync("in1", new MappingGatewayChanges { MaxCallDurationLower = 0, MaxCallDurationUpper = 30 });

        Assert.That(result.Error, Is.EqualTo(ServiceError.OutOfRange));
        Assert.That(state.MappingGateways, Is.Empty);
    }
}
