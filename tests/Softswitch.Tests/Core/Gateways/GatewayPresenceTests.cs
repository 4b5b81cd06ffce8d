using Softswitch.Core.Gateways;

namespace Softswitch.Tests.Core.Gateways;

/// <summary>The source index of gateways registered to the switch (GatewayPresence.FindBySource).</summary>
public sealed class GatewayPresenceTests
{
    private static readonly DateTimeOffset Now = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static GatewayPresenceEntry Registered(string name, string ip, int port, GatewayKind kind = GatewayKind.Mapping) =>
        new(kind, name, ip + ":" + port, Now, Now, Now.AddMinutes(5))
        {
            Binding = new GatewayBinding($"sip:{name}@{ip}:{port}", "UDP", ip, port, "c-" + name, 1),
        };

    [Test]
    public void AStaticEntryIsNotFoundBySource()
    {
        var presence = new GatewayPresence();
        presence.Upsert(new GatewayPresenceEntry(GatewayKind.Mapping, "static", "10.0.0.1:5060", null, Now, Now.AddMinutes(1)));

        Assert.That(presence.FindBySource(GatewayKind.Mapping, "10.0.0.1", 5060, Now), Is.Null);
    }

    [Test]
    public void TheKindIsPartOfTheSource()
    {
        var presence = new GatewayPresence();
        presence.Upsert(Registered("out", "10.0.0.1", 5060, GatewayKind.Routing));

        Assert.That(presence.FindBySource(GatewayKind.Mapping, "10.0.0.1", 5060, Now), Is.Null);
        Assert.That(presence.FindBySource(GatewayKind.Routing, "10.0.0.1", 5060, Now)?.Name, Is.EqualTo("out"));
    }

    [Test]
    public void WhenTheLatestOfTwoGatewaysAtOneSourceLeavesTheSourceGoesBackToTheOther()
    {
        var presence = new GatewayPresence();
        presence.Upsert(Registered("a", "10.0.0.1", 5060));
        presence.Upsert(Registered("b", "10.0.0.1", 5060));
        Assert.That(presence.FindBySource(GatewayKind.Mapping, "10.0.0.1", 5060, Now)?.Name, Is.EqualTo("b"));

        Assert.That(presence.RemoveBinding(GatewayKind.Mapping, "b"), Is.True);

        Assert.That(presence.FindBySource(GatewayKind.Mapping, "10.0.0.1", 5060, Now)?.Name, Is.EqualTo("a"));
    }

    [Test]
    public void RemoveBindingLeavesEntriesThatAreNotRegistrationsToTheSwitch()
    {
        var presence = new GatewayPresence();
        presence.Upsert(new GatewayPresenceEntry(GatewayKind.Routing, "upstream", "10.0.0.2:5060", Now, Now, Now.AddMinutes(1)) { RegisterName = "upstream" });

        Assert.That(presence.RemoveBinding(GatewayKind.Routing, "upstream"), Is.False);
        Assert.That(presence.IsOnline(GatewayKind.Routing, "upstream", Now), Is.True);
    }

    [Test]
    public void ALapsedOrSweptEntryIsNotFoundBySource()
    {
        var presence = new GatewayPresence();
        presence.Upsert(Registered("a", "10.0.0.1", 5060));

        Assert.That(presence.FindBySource(GatewayKind.Mapping, "10.0.0.1", 5060, Now.AddMinutes(5)), Is.Null);
        Assert.That(presence.Sweep(Now.AddMinutes(5)), Is.EqualTo(1));
        Assert.That(presence.FindBySource(GatewayKind.Mapping, "10.0.0.1", 5060, Now), Is.Null, "the index went with the entry");
    }
}
