using Softswitch.Core.Registrations;

namespace Softswitch.Tests.Core.Registrations;

public class RegistrationTableTests
{
    private static readonly DateTimeOffset T0 = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static RegistrationBinding Binding(string contact, int expiresSeconds) =>
        new("1001", contact, "UDP", "127.0.0.1", 5070, "cid", 1, "ua", T0, T0.AddSeconds(expiresSeconds));

    [Test]
    public void UpsertSameContactRefreshesInsteadOfAdding()
    {
        var table = new RegistrationTable();
        table.Upsert(Binding("sip:1001@127.0.0.1:5070", 60));
        table.Upsert(Binding("sip:1001@127.0.0.1:5070", 120));
        table.Upsert(Binding("sip:1001@127.0.0.2:5070", 60));

        var bindings = table.Get("1001", T0);
        Assert.That(bindings, Has.Count.EqualTo(2));
        Assert.That(bindings[0].ExpiresAt, Is.EqualTo(T0.AddSeconds(120)));
    }

    [Test]
    public void SweepRemovesExpiredBindingsAndReportsOffline()
    {
        var table = new RegistrationTable();
        var changes = new List<PhonePresenceChange>();
        table.PresenceChanged += changes.Add;
        table.Upsert(Binding("sip:1001@127.0.0.1:5070", 60));

        Assert.That(table.Sweep(T0.AddSeconds(59)), Is.Zero);
        Assert.That(table.Sweep(T0.AddSeconds(60)), Is.EqualTo(1));
        Assert.That(table.IsOnline("1001", T0), Is.False);
        Assert.That(changes.Select(c => c.Online), Is.EqualTo(new[] { true, false }));
    }

    [Test]
    public void RemoveLastContactTakesPhoneOffline()
    {
        var table = new RegistrationTable();
        table.Upsert(Binding("sip:a@h", 60));
        Assert.That(table.Remove("1001", "sip:b@h", T0), Is.False);
        Assert.That(table.Remove("1001", "sip:a@h", T0), Is.True);
        Assert.That(table.Snapshot(T0), Is.Empty);
    }
}
