using System.Net;
using Softswitch.Core.Gateways;
using Softswitch.Core.Store;

namespace Softswitch.Tests.Core.Gateways;

/// <summary>
/// GatewayState.IsKnownTrunkAddress: the peers the SIP layer's unauthenticated-request limit trusts (docs/hardening.md),
/// from mapping gateways' remoteIps and routing gateways' remoteIp, following every write without a restart.
/// </summary>
public sealed class TrunkAddressTests
{
    private GatewayServiceFixture _f = null!;

    [SetUp]
    public async Task SetUp() => _f = await GatewayServiceFixture.OpenAsync();

    [TearDown]
    public void TearDown() => _f.Dispose();

    private bool Known(string address) => _f.Gateways.IsKnownTrunkAddress(IPAddress.Parse(address));

    [Test]
    public async Task EveryEntryOfAMappingGatewaysRemoteIpsIsKnownWithOrWithoutItsPort()
    {
        var created = await _f.Mapping.CreateAsync("in1", new MappingGatewayChanges { RemoteIps = "192.0.2.1, 192.0.2.2:5080,[2001:db8::7]:5070" });
        Assert.That(created.IsSuccess, Is.True, created.Message);

        Assert.That(Known("192.0.2.1"), Is.True);
        Assert.That(Known("192.0.2.2"), Is.True, "an ip:port entry trusts the address");
        Assert.That(Known("2001:db8::7"), Is.True);
        Assert.That(Known("::ffff:192.0.2.1"), Is.True, "a dual-stack socket's spelling of the same IPv4 address");
        Assert.That(Known("192.0.2.3"), Is.False);
        Assert.That(Known("2001:db8::8"), Is.False);
    }

    [Test]
    public async Task ARoutingGatewaysRemoteIpIsKnownButAHostNameIsNot()
    {
        foreach (var (name, remoteIp) in new[] { ("out-plain", "198.51.100.1"), ("out-port", "198.51.100.2:5090"), ("out-name", "carrier.example.net") })
        {
            var created = await _f.Routing.CreateAsync(name, new RoutingGatewayChanges { Prefix = "1", RemoteIp = remoteIp });
            Assert.That(created.IsSuccess, Is.True, created.Message);
        }

        Assert.That(Known("198.51.100.1"), Is.True);
        Assert.That(Known("198.51.100.2"), Is.True);
        Assert.That(Known("198.51.100.3"), Is.False, "host names are not resolved: such a carrier is trusted through exemptNetworks");
    }

    [Test]
    public async Task AWriteIsFollowedAtOnceAndARestartKnowsTheSameAddresses()
    {
        await _f.Mapping.CreateAsync("in1", new MappingGatewayChanges { RemoteIps = "192.0.2.1" });
        await _f.Routing.CreateAsync("out1", new RoutingGatewayChanges { Prefix = "1", RemoteIp = "198.51.100.1" });
        Assert.That(Known("192.0.2.9"), Is.False);

        await _f.Mapping.ModifyAsync("in1", new MappingGatewayChanges { RemoteIps = "192.0.2.9" });
        await _f.Routing.ModifyAsync("out1", new RoutingGatewayChanges { RemoteIp = "198.51.100.9" });
        Assert.That((Known("192.0.2.1"), Known("192.0.2.9")), Is.EqualTo((false, true)));
        Assert.That((Known("198.51.100.1"), Known("198.51.100.9")), Is.EqualTo((false, true)));

        using var reloaded = new GatewayState(new SqliteGatewayStore(_f.Db.OpenStore()));
        await reloaded.LoadAsync();
        Assert.That(reloaded.IsKnownTrunkAddress(IPAddress.Parse("192.0.2.9")), Is.True);
        Assert.That(reloaded.IsKnownTrunkAddress(IPAddress.Parse("198.51.100.9")), Is.True);

        await _f.Mapping.DeleteAsync("in1");
        await _f.Routing.DeleteAsync("out1");
        Assert.That((Known("192.0.2.9"), Known("198.51.100.9")), Is.EqualTo((false, false)));
    }

    [Test]
    public async Task TheCheckOnTheReceivePathAllocatesNothing()
    {
        await _f.Mapping.CreateAsync("in1", new MappingGatewayChanges { RemoteIps = "192.0.2.1,2001:db8::7" });
        IPAddress[] sources = [IPAddress.Parse("192.0.2.1"), IPAddress.Parse("203.0.113.1"), IPAddress.Parse("2001:db8::7"), IPAddress.Parse("2001:db8::8")];
        int known = sources.Count(_f.Gateways.IsKnownTrunkAddress);

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 1000; i++)
        {
            foreach (var source in sources)
            {
                _f.Gateways.IsKnownTrunkAddress(source);
            }
        }
        Assert.That(GC.GetAllocatedBytesForCurrentThread() - before, Is.Zero);
        Assert.That(known, Is.EqualTo(2));
    }
}
