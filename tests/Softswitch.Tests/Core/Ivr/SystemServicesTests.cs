using Microsoft.Extensions.Time.Testing;
using Softswitch.Core.Alarms;
using Softswitch.Core.IpLimits;
using Softswitch.Core.Ivr;
using Softswitch.Core.Management;
using Softswitch.Core.Phones;
using Softswitch.Core.Store;

namespace Softswitch.Tests.Core.Ivr;

/// <summary>
/// The system services over a temp database: every write survives a restart (a second set of services over the
/// same file), and a refused write leaves nothing behind (001_… §3.60-§3.89).
/// </summary>
public class SystemServicesTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 1, 10, 0, 0, TimeSpan.Zero));
    private TempDatabase _db = null!;

    [SetUp]
    public void SetUp() => _db = new TempDatabase();

    [TearDown]
    public void TearDown() => _db.Dispose();

    private SqliteSystemStore OpenSystemStore() => new(_db.OpenStore());

    [Test]
    public async Task AnAudioAndItsDataSurviveARestart()
    {
        var wav = PcmWav.Create([1, 2, 3, 4]);
        using (var audios = new IvrAudioService(OpenSystemStore()))
        {
            var created = await audios.CreateAsync(4, "welcome", "zh", "callback", "greeting");
            Assert.That(created.IsSuccess, Is.True, created.Message);
            Assert.That((await audios.ModifyDataAsync(created.Value, Convert.ToHexString(wav))).IsSuccess, Is.True);
        }

        using var restarted = new IvrAudioService(OpenSystemStore());
        var found = await restarted.QueryAsync(4, null);

        Assert.That(found.Value!.Single().Name, Is.EqualTo("welcome"));
        Assert.That(found.Value!.Single().Size, Is.EqualTo(wav.Length));
        Assert.That(await restarted.GetDataAsync(found.Value!.Single().Id), Is.EqualTo(wav));
        Assert.That((await restarted.DeleteAsync(found.Value!.Single().Id)).IsSuccess, Is.True);
        Assert.That(await restarted.GetDataAsync(found.Value!.Single().Id), Is.Null);
    }

    [Test]
    public async Task RefusedDataLeavesTheStoredSoundAlone()
    {
        using var audios = new IvrAudioService(OpenSystemStore());
        long id = (await audios.CreateAsync(0, "beep", null, null, null)).Value;
        var good = PcmWav.Create([7, 7]);
        await audios.ModifyDataAsync(id, Convert.ToHexString(good));

        var refused = await audios.ModifyDataAsync(id, "ZZ");

        Assert.That(refused.Error, Is.EqualTo(ServiceError.OutOfRange));
        Assert.That(await audios.GetDataAsync(id), Is.EqualTo(good));
    }

    [Test]
    public async Task AlarmsAndIpBlocksSurviveARestart()
    {
        using (var alarms = new AlarmService(OpenSystemStore(), _time))
        using (var limits = new IpLimitService(OpenSystemStore()))
        {
            Assert.That((await alarms.CreateAsync(new NewAlarm { Name = "disk", Level = 3 })).IsSuccess, Is.True);
            Assert.That((await limits.CreateAsync("10.0.0.0", 256, "lab", null)).IsSuccess, Is.True);
        }

        using var alarms2 = new AlarmService(OpenSystemStore(), _time);
        using var limits2 = new IpLimitService(OpenSystemStore());

        var current = await alarms2.CurrentAsync();
        Assert.That(current.Single().Name, Is.EqualTo("disk"));
        Assert.That(current.Single().Value, Is.EqualTo(Alarm.DefaultValue));
        Assert.That(current.Single().StartTime, Is.EqualTo(_time.GetUtcNow().ToUnixTimeMilliseconds()));
        Assert.That((await limits2.QueryAsync()).Single().Last, Is.EqualTo(IpLimit.ToNumber(System.Net.IPAddress.Parse("10.0.0.255"))));
        Assert.That(limits2.Find(System.Net.IPAddress.Parse("10.0.0.77"))?.Area, Is.EqualTo("lab"));
        Assert.That((await limits2.CreateAsync("10.0.0.128", 1, null, null)).Error, Is.EqualTo(ServiceError.Duplicate));
    }

    [Test]
    public async Task AnAlarmEndsAtItsStopTime()
    {
        using var alarms = new AlarmService(OpenSystemStore(), _time);
        long now = _time.GetUtcNow().ToUnixTimeMilliseconds();
        await alarms.CreateAsync(new NewAlarm { Name = "short", StopTime = now + 1000 });

        Assert.That(await alarms.CurrentAsync(), Has.Count.EqualTo(1));
        Assert.That((await alarms.CreateAsync(new NewAlarm { Name = "short" })).Error, Is.EqualTo(ServiceError.Duplicate));
        _time.Advance(TimeSpan.FromSeconds(2));
        Assert.That(await alarms.CurrentAsync(), Is.Empty);
        Assert.That((await alarms.CreateAsync(new NewAlarm { Name = "short" })).IsSuccess, Is.True);
    }

    [Test]
    public async Task ARefusedCallBackLeavesNothingStoredAndReservationsSurviveARestart()
    {
        using (var fixture = new ServiceFixture(_db))
        {
            await fixture.Customers.CreateAsync("acme", new() { Name = "Acme" });
            await fixture.Phones.CreateAsync(false, "8001", new PhoneChanges { Account = "acme", Password = "pw8001" });
        }
        using (var ivr = OpenIvr())
        {
            var accepted = await ivr.CallBackAsync(new CallBackOrder
            {
                CallerE164 = "13800138000", CalleeE164s = "13900139000", AccessE164 = "8001", AccessE164Password = "pw8001",
                TransactionId = "t-1",
            });
            Assert.That(accepted.Error, Is.EqualTo(ServiceError.NotAvailable), "the switch does not originate calls yet: no success claimed");
            Assert.That((await ivr.ReserveCalleeAsync("13800138000", "13900139000", "8001", "pw8001")).IsSuccess, Is.True);
        }

        using var restarted = OpenIvr();
        var requests = await restarted.RequestsAsync();

        Assert.That(requests, Is.Empty, "a refused request is not stored");
        Assert.That(restarted.FindReservation("8001", "13800138000")?.CalleeE164, Is.EqualTo("13900139000"));
    }

    private IvrCallService OpenIvr()
    {
        var state = _db.OpenState();
        var store = OpenSystemStore();
        var numbers = new Softswitch.Core.Numbers.NumberState(new SqliteNumberStore(_db.OpenStore()));
        return new IvrCallService(store, state, numbers, new IvrAudioService(store), _time);
    }
}
