using Softswitch.Core.Alarms;
using Softswitch.Core.Gateways;
using Softswitch.Core.Numbers;
using Softswitch.Core.Store;

namespace Softswitch.Tests.Core.Gateways;

/// <summary>
/// The ASR/ACD alarms (001_… §3.88 types 20000, 20001, 20013, 20014) judged from the live statistics against the
/// thresholds CreateAlarm defines (docs/gateway-statistics.md), on a fake clock over a temp database.
/// </summary>
public sealed class GatewayQualityAlarmsTests
{
    private readonly GatewayStatisticsOptions _options = new()
    {
        Window = TimeSpan.FromMinutes(10),
        AsrMinimumAttempts = 10,
        AcdMinimumCalls = 5,
        AlarmClearMarginPercent = 10,
    };

    private TempDatabase _db = null!;
    private ServiceFixture _f = null!;
    private GatewayState _gateways = null!;
    private RoutingGatewayService _routing = null!;
    private AlarmService _alarms = null!;
    private GatewayStatistics _stats = null!;
    private GatewayQualityAlarms _monitor = null!;
    private readonly List<Alarm> _pushed = [];

    [SetUp]
    public async Task SetUp()
    {
        _pushed.Clear();
        _db = new TempDatabase();
        _f = new ServiceFixture(_db);
        var store = _db.OpenStore();
        _gateways = new GatewayState(new SqliteGatewayStore(store));
        var numbers = new NumberState(new SqliteNumberStore(store));
        var presence = new GatewayPresence();
        _routing = new RoutingGatewayService(_f.State, _gateways, numbers, presence);
        Assert.That((await _routing.CreateAsync("out1", new RoutingGatewayChanges { Prefix = "9" })).IsSuccess, Is.True);
        var mapping = new MappingGatewayService(_f.State, _gateways, numbers, presence);
        Assert.That((await mapping.CreateAsync("in1", new MappingGatewayChanges())).IsSuccess, Is.True);
        _alarms = new AlarmService(new SqliteSystemStore(store), _f.Time);
        _alarms.AlarmRaised += _pushed.Add;
        _stats = new GatewayStatistics(_options, _f.Time);
        _monitor = new GatewayQualityAlarms(_stats, _gateways, _alarms, _options);
    }

    [TearDown]
    public void TearDown()
    {
        _monitor.Dispose();
        _alarms.Dispose();
        _gateways.Dispose();
        _f.Dispose();
        _db.Dispose();
    }

    private long Out1 => _gateways.FindRouting("out1")!.Id;

    private async Task Threshold(string name, double? lower, double? upper = null, int level = 2)
    {
        var created = await _alarms.CreateAsync(new NewAlarm { Name = name, Lower = lower, Upper = upper, Level = level });
        Assert.That(created.IsSuccess, Is.True, created.Message);
    }

    private void Calls(int answered, int failed, GatewayKind kind = GatewayKind.Routing, long? id = null)
    {
        long gateway = id ?? (kind == GatewayKind.Routing ? Out1 : _gateways.FindMapping("in1")!.Id);
        for (int i = 0; i < answered; i++)
        {
            _stats.Start(kind, gateway, "x").Answered();
        }
        for (int i = 0; i < failed; i++)
        {
            _stats.Start(kind, gateway, "x").Failed(503);
        }
    }

    private async Task<Alarm[]> Current() => [.. await _alarms.CurrentAsync()];

    [Test]
    public async Task WithoutAThresholdNothingIsRaised()
    {
        Calls(answered: 0, failed: 30);

        var pass = await _monitor.EvaluateAsync();

        Assert.That(pass, Is.EqualTo(new GatewayAlarmPass(0, 0)));
        Assert.That(await Current(), Is.Empty);
    }

    [Test]
    public async Task AnAsrUnderTheThresholdRaisesOneAlarmHoweverManyCallsFollow()
    {
        await Threshold("20000", lower: 50);
        Calls(answered: 2, failed: 8);

        var first = await _monitor.EvaluateAsync();
        Calls(answered: 0, failed: 10);
        var second = await _monitor.EvaluateAsync();
        var current = await Current();

        Assert.That(first, Is.EqualTo(new GatewayAlarmPass(Raised: 1, Cleared: 0)));
        Assert.That(second, Is.EqualTo(new GatewayAlarmPass(0, 0)));
        Assert.That(current, Has.Length.EqualTo(1), "the threshold definition is not a current alarm");
        var alarm = current[0];
        Assert.That(alarm.Type, Is.EqualTo(AlarmTypes.RoutingGatewayAsr));
        Assert.That(alarm.Name, Is.EqualTo("落地网关 ASR out1"));
        Assert.That(alarm.Value, Is.EqualTo(20.0));
        Assert.That(alarm.Lower, Is.EqualTo(50.0));
        Assert.That(alarm.Level, Is.EqualTo(2));
        Assert.That(alarm.StartTime, Is.EqualTo(_f.Time.GetUtcNow().ToUnixTimeMilliseconds()));
        Assert.That(alarm.Memo, Does.Contain("10 attempts"));
        Assert.That(_pushed.Select(a => a.Id), Is.EqualTo(new[] { alarm.Id }), "pushed once");
    }

    [Test]
    public async Task UnderTheMinimumSampleNothingIsJudged()
    {
        await Threshold("落地网关 ASR", lower: 50);
        Calls(answered: 0, failed: 9);

        var tooFew = await _monitor.EvaluateAsync();
        Calls(answered: 0, failed: 1);
        var enough = await _monitor.EvaluateAsync();

        Assert.That(tooFew.Raised, Is.Zero, "9 attempts, gatewayStatistics.asrMinimumAttempts is 10");
        Assert.That(enough.Raised, Is.EqualTo(1));
    }

    [Test]
    public async Task AnAlarmClearsOnlyPastTheMarginThenTheMonitorIsArmedAgain()
    {
        await Threshold("20000", lower: 50);
        Calls(answered: 2, failed: 8);
        await _monitor.EvaluateAsync();
        long firstId = (await Current()).Single().Id;

        _f.Time.Advance(TimeSpan.FromMinutes(11));
        var emptyWindow = await _monitor.EvaluateAsync();
        Calls(answered: 5, failed: 5);
        var atThreshold = await _monitor.EvaluateAsync();
        Calls(answered: 2, failed: 0);
        var recovered = await _monitor.EvaluateAsync();
        var afterRecovery = await Current();
        _f.Time.Advance(TimeSpan.FromMinutes(11));
        Calls(answered: 1, failed: 9);
        var again = await _monitor.EvaluateAsync();
        var second = (await Current()).Single();

        Assert.That(emptyWindow, Is.EqualTo(new GatewayAlarmPass(0, 0)), "nothing to judge: the alarm stays");
        Assert.That(atThreshold, Is.EqualTo(new GatewayAlarmPass(0, 0)), "50 % is not past 50 + 10 %");
        Assert.That(recovered, Is.EqualTo(new GatewayAlarmPass(0, 1)), "7 of 12 = 58 %");
        Assert.That(afterRecovery, Is.Empty);
        Assert.That(again.Raised, Is.EqualTo(1));
        Assert.That(second.Id, Is.Not.EqualTo(firstId));
        Assert.That(second.Value, Is.EqualTo(10.0));
    }

    [Test]
    public async Task AShortAcdOnAMappingGatewayRaises20014()
    {
        await Threshold("对接网关 ACD", lower: 30, level: 1);
        long in1 = _gateways.FindMapping("in1")!.Id;
        var calls = Enumerable.Range(0, 5).Select(_ => _stats.Start(GatewayKind.Mapping, in1, "in1")).ToArray();
        foreach (var call in calls)
        {
            call.Answered();
        }
        _f.Time.Advance(TimeSpan.FromSeconds(12));
        var early = await _monitor.EvaluateAsync();
        foreach (var call in calls)
        {
            call.Ended();
        }

        var pass = await _monitor.EvaluateAsync();
        var alarm = (await Current()).Single();

        Assert.That(early.Raised, Is.Zero, "no call ended yet: no ACD to judge");
        Assert.That(pass.Raised, Is.EqualTo(1));
        Assert.That(alarm.Type, Is.EqualTo(AlarmTypes.MappingGatewayAcd));
        Assert.That(alarm.Name, Is.EqualTo("对接网关 ACD in1"));
        Assert.That(alarm.Value, Is.EqualTo(12.0));
        Assert.That(alarm.Level, Is.EqualTo(1));
    }

    [Test]
    public async Task AFigureAboveTheUpperBoundRaisesToo()
    {
        await Threshold("20000", lower: null, upper: 90);
        Calls(answered: 10, failed: 0);

        var pass = await _monitor.EvaluateAsync();

        Assert.That(pass.Raised, Is.EqualTo(1));
        Assert.That((await Current()).Single().Upper, Is.EqualTo(90.0));
    }

    [Test]
    public async Task TheNewestDefinitionWinsAndAStoppedOneSwitchesTheMonitorOff()
    {
        await Threshold("20000", lower: 10);
        Calls(answered: 2, failed: 8);
        var loose = await _monitor.EvaluateAsync();
        await Threshold("落地网关 ASR", lower: 50);
        var strict = await _monitor.EvaluateAsync();
        long now = _f.Time.GetUtcNow().ToUnixTimeMilliseconds();
        var off = await _alarms.CreateAsync(new NewAlarm { Name = "20000", Lower = 50, StartTime = now - 2000, StopTime = now - 1000 });
        var switchedOff = await _monitor.EvaluateAsync();

        Assert.That(loose.Raised, Is.Zero, "20 % is above 10 %");
        Assert.That(strict.Raised, Is.EqualTo(1), "a second definition of the same name is no duplicate");
        Assert.That(off.IsSuccess, Is.True, off.Message);
        Assert.That(switchedOff.Cleared, Is.EqualTo(1));
        Assert.That(await Current(), Is.Empty);
        Assert.That(await _alarms.ThresholdAsync(AlarmTypes.RoutingGatewayAsr), Is.Null);
    }

    [Test]
    public async Task ARestartTakesTheCurrentAlarmsOverAndADeletedGatewaysAlarmStops()
    {
        await Threshold("20000", lower: 50);
        await Threshold("20013", lower: 50);
        Calls(answered: 0, failed: 10);
        Calls(answered: 0, failed: 10, GatewayKind.Mapping);
        await _monitor.EvaluateAsync();
        Assert.That(await Current(), Has.Length.EqualTo(2));
        Assert.That((await _routing.DeleteAsync("out1")).IsSuccess, Is.True);

        var stats = new GatewayStatistics(_options, _f.Time);
        using var alarms = new AlarmService(new SqliteSystemStore(_db.OpenStore()), _f.Time);
        using var restarted = new GatewayQualityAlarms(stats, _gateways, alarms, _options);
        long in1 = _gateways.FindMapping("in1")!.Id;
        for (int i = 0; i < 10; i++)
        {
            stats.Start(GatewayKind.Mapping, in1, "in1").Answered();
        }
        var pass = await restarted.EvaluateAsync();

        Assert.That(pass.Cleared, Is.EqualTo(2), "out1 is gone; in1 recovered");
        Assert.That(pass.Raised, Is.Zero);
        using var reloaded = new AlarmService(new SqliteSystemStore(_db.OpenStore()), _f.Time);
        Assert.That(await reloaded.CurrentAsync(), Is.Empty, "the stops were stored");
    }
}
