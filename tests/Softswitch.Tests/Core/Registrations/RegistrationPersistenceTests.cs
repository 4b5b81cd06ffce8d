using Microsoft.Extensions.Time.Testing;
using Softswitch.Core.Gateways;
using Softswitch.Core.Registrations;
using Softswitch.Core.Store;
using Softswitch.Tests.EndToEnd.Support;

namespace Softswitch.Tests.Core.Registrations;

/// <summary>Registrations written behind the SIP path survive a restart: store, then a new table loaded from the same file.</summary>
public class RegistrationPersistenceTests
{
    private static readonly DateTimeOffset T0 = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private TempDatabase _db = null!;
    private FakeTimeProvider _time = null!;

    [SetUp]
    public void SetUp()
    {
        _db = new TempDatabase();
        _time = new FakeTimeProvider(T0);
    }

    [TearDown]
    public void TearDown() => _db.Dispose();

    private static RegistrationBinding Binding(string e164, string contact, int expiresSeconds, string callId = "cid", uint cseq = 1) =>
        new(e164, contact, "UDP", "10.0.0.5", 5070, callId, cseq, "baresip", T0, T0.AddSeconds(expiresSeconds));

    private static GatewayPresenceEntry GatewayEntry(string name, int expiresSeconds) =>
        new(GatewayKind.Mapping, name, "10.0.0.9:5060", T0, T0, T0.AddSeconds(expiresSeconds))
        {
            LocalAddress = "127.0.0.1:5060",
            NatAddress = "192.168.1.9:5060",
            Binding = new GatewayBinding("sip:" + name + "@192.168.1.9:5060", "TCP", "10.0.0.9", 5060, "gw-cid", 7),
        };

    /// <summary>A table and presence whose changes go to a writer over the temp database, as the host wires them.</summary>
    private (RegistrationTable Table, GatewayPresence Presence, RegistrationWriter Writer) Running()
    {
        var table = new RegistrationTable();
        var presence = new GatewayPresence();
        var writer = new RegistrationWriter(new SqliteRegistrationStore(_db.OpenStore()), _time, TimeSpan.FromSeconds(1));
        table.AttachJournal(writer);
        presence.AttachJournal(writer);
        writer.Start();
        return (table, presence, writer);
    }

    /// <summary>A new process on the same file: fresh tables restored from the store at <paramref name="now"/>.</summary>
    private async Task<(RegistrationTable Table, GatewayPresence Presence)> RestartedAsync(DateTimeOffset now)
    {
        var store = new SqliteRegistrationStore(_db.OpenStore());
        var table = new RegistrationTable();
        var presence = new GatewayPresence();
        table.Restore(await store.LoadPhoneBindingsAsync(now), now);
        presence.Restore(await store.LoadGatewayBindingsAsync(now), now);
        return (table, presence);
    }

    [Test]
    public async Task BindingsWrittenBeforeACleanStopAreThereAfterTheRestart()
    {
        var (table, _, writer) = Running();
        table.Upsert(Binding("1001", "sip:1001@10.0.0.5:5070", 300));
        table.Upsert(Binding("1001", "sip:1001@10.0.0.6:5070", 300));
        table.Upsert(Binding("1002", "sip:1002@10.0.0.7:5070", 600) with { InstanceId = "\"<urn:uuid:1>\"" });
        await writer.StopAsync();

        var (restored, _) = await RestartedAsync(T0.AddSeconds(10));

        Assert.That(restored.Get("1001", T0.AddSeconds(10)), Is.EquivalentTo(table.Get("1001", T0)));
        Assert.That(restored.Get("1002", T0.AddSeconds(10)).Single(), Is.EqualTo(table.Get("1002", T0).Single()));
        Assert.That(restored.Get("1002", T0.AddSeconds(10)).Single().InstanceId, Is.EqualTo("\"<urn:uuid:1>\""));
    }

    [Test]
    public async Task RemovedAndExpiredBindingsAreNotRestored()
    {
        var (table, _, writer) = Running();
        table.Upsert(Binding("1001", "sip:1001@10.0.0.5:5070", 60));
        table.Upsert(Binding("1002", "sip:1002@10.0.0.7:5070", 600));
        table.Upsert(Binding("1003", "sip:1003@10.0.0.8:5070", 600));
        table.Upsert(Binding("1004", "sip:1004@10.0.0.9:5070", 120));
        table.Remove("1002", "sip:1002@10.0.0.7:5070", T0);
        table.Sweep(T0.AddSeconds(60));
        await writer.StopAsync();

        // 1004 lapses while the switch is down: it is in the store but must not come back.
        var (restored, _) = await RestartedAsync(T0.AddSeconds(121));

        Assert.That(restored.Snapshot(T0.AddSeconds(121)).Select(p => p.E164), Is.EqualTo(new[] { "1003" }));
        Assert.That(restored.PhoneCount, Is.EqualTo(1), "an expired binding is not even held in memory");
        var (again, _) = await RestartedAsync(T0);
        Assert.That(again.IsOnline("1004", T0), Is.False, "expired rows are deleted at load, not kept for an earlier clock");
    }

    [Test]
    public async Task ARefreshReplacesTheStoredRow()
    {
        var (table, _, writer) = Running();
        table.Upsert(Binding("1001", "sip:1001@10.0.0.5:5070", 60, cseq: 1));
        await WaitUntilWrittenAsync(writer);
        table.Upsert(Binding("1001", "sip:1001@10.0.0.5:5070", 3600, cseq: 2));
        await writer.StopAsync();

        var (restored, _) = await RestartedAsync(T0.AddSeconds(100));

        var binding = restored.Get("1001", T0.AddSeconds(100)).Single();
        Assert.That(binding.CSeq, Is.EqualTo(2u));
        Assert.That(binding.ExpiresAt, Is.EqualTo(T0.AddSeconds(3600)));
    }

    [Test]
    public async Task ChangesAreWrittenWithoutAStop()
    {
        var (table, _, writer) = Running();
        table.Upsert(Binding("1001", "sip:1001@10.0.0.5:5070", 300));
        await WaitUntilWrittenAsync(writer);

        // What a kill -9 leaves: the file as written so far, the writer never stopped.
        var (restored, _) = await RestartedAsync(T0);
        Assert.That(restored.IsOnline("1001", T0), Is.True);
        await writer.StopAsync();
    }

    [Test]
    public async Task GatewayRegistrationsAreRestoredWithTheirSourceIndex()
    {
        var (_, presence, writer) = Running();
        presence.Upsert(GatewayEntry("pbx", 300));
        presence.Upsert(GatewayEntry("gone", 300));
        presence.RemoveBinding(GatewayKind.Mapping, "gone");
        // A static gateway seen by its traffic has no binding: presence of that kind is not a registration.
        presence.Upsert(new GatewayPresenceEntry(GatewayKind.Mapping, "static", "10.0.0.1:5060", null, T0, T0.AddSeconds(300)));
        await writer.StopAsync();

        var (_, restored) = await RestartedAsync(T0.AddSeconds(5));

        var entry = restored.FindBySource(GatewayKind.Mapping, "10.0.0.9", 5060, T0.AddSeconds(5));
        Assert.That(entry, Is.Not.Null);
        Assert.That(entry!.Binding, Is.EqualTo(GatewayEntry("pbx", 300).Binding));
        Assert.That(entry.NatAddress, Is.EqualTo("192.168.1.9:5060"));
        Assert.That(entry.RegisteredAt, Is.EqualTo(T0));
        Assert.That(restored.Snapshot(GatewayKind.Mapping, T0.AddSeconds(5)).Select(e => e.Name), Is.EqualTo(new[] { "pbx" }));
    }

    [Test]
    public async Task AFailingStoreIsRetriedAndTheNewestStateWins()
    {
        var store = new FlakyStore(failures: 2);
        var writer = new RegistrationWriter(store, _time, TimeSpan.FromSeconds(1));
        var table = new RegistrationTable();
        table.AttachJournal(writer);
        writer.Start();
        table.Upsert(Binding("1001", "sip:1001@10.0.0.5:5070", 300, cseq: 1));
        await WaitForAsync(() => writer.WriteFailures == 1);
        table.Upsert(Binding("1001", "sip:1001@10.0.0.5:5070", 300, cseq: 2));
        // The retry waits on the fake clock; it is moved on while waiting, as the writer may not have armed its delay yet.
        await WaitForAsync(() =>
        {
            _time.Advance(TimeSpan.FromSeconds(1));
            return writer.Pending == 0 && store.Saved.Count == 1;
        });

        Assert.That(store.Saved.Single().CSeq, Is.EqualTo(2u), "the retried batch carries the refresh noted meanwhile, not the stale row");
        await writer.StopAsync();
        Assert.That(writer.Lost, Is.Zero);
    }

    [Test]
    public async Task AStopWhoseDeadlinePassesWhileTheStoreFailsCountsTheLoss()
    {
        var writer = new RegistrationWriter(new FlakyStore(failures: int.MaxValue), _time, TimeSpan.FromSeconds(1));
        var table = new RegistrationTable();
        table.AttachJournal(writer);
        writer.Start();
        table.Upsert(Binding("1001", "sip:1001@10.0.0.5:5070", 300));
        await WaitForAsync(() => writer.WriteFailures >= 1);

        await writer.StopAsync(new CancellationToken(canceled: true));

        Assert.That(writer.Lost, Is.EqualTo(1));
        Assert.That(writer.LastError, Is.Not.Null);
    }

    private static Task WaitUntilWrittenAsync(RegistrationWriter writer)
    {
        long before = writer.Written;
        return WaitForAsync(() => writer.Pending == 0 && writer.Written > before);
    }

    private static async Task WaitForAsync(Func<bool> condition) =>
        Assert.That(await Eventually.UntilAsync(condition), Is.True, "condition not met before the deadline");

    /// <summary>A store that refuses the first writes, then keeps what it is given.</summary>
    private sealed class FlakyStore(int failures) : IRegistrationStore
    {
        private int _failuresLeft = failures;

        public List<RegistrationBinding> Saved { get; } = [];

        public Task<IReadOnlyList<RegistrationBinding>> LoadPhoneBindingsAsync(DateTimeOffset now, CancellationToken cancellationToken = default) =>
            Task.FromResult<IReadOnlyList<RegistrationBinding>>([]);

        public Task<IReadOnlyList<GatewayPresenceEntry>> LoadGatewayBindingsAsync(DateTimeOffset now, CancellationToken cancellationToken = default) =>
            Task.FromResult<IReadOnlyList<GatewayPresenceEntry>>([]);

        public Task SaveAsync(
            IReadOnlyDictionary<(string E164, string ContactUri), RegistrationBinding?> phones,
            IReadOnlyDictionary<(GatewayKind Kind, string Name), GatewayPresenceEntry?> gateways,
            CancellationToken cancellationToken = default)
        {
            if (_failuresLeft > 0)
            {
                _failuresLeft--;
                throw new InvalidOperationException("database is locked");
            }
            Saved.AddRange(phones.Values.OfType<RegistrationBinding>());
            return Task.CompletedTask;
        }
    }
}
