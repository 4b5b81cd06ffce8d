using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Softswitch.Core.Gateways;
using Softswitch.Core.Routing;
using static Softswitch.Tests.Api.VosAssert;

namespace Softswitch.Tests.Api.Gateways;

/// <summary>
/// GetGatewayRoutingOnline / GetGatewayMappingOnline (001_… §3.15, §3.20) over the real composition once the
/// engine has fed the live statistics (docs/gateway-statistics.md).
/// </summary>
public sealed class GatewayOnlineStatisticsTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 1, 10, 0, 0, TimeSpan.Zero));
    private VosApiHost _host = null!;
    private GatewayStatistics _stats = null!;

    [SetUp]
    public async Task SetUp()
    {
        _host = await VosApiHost.StartAsync(s => s.AddSingleton<TimeProvider>(_time));
        _stats = _host.Services.GetRequiredService<GatewayStatistics>();
        Ok(await _host.PostAsync("CreateCustomer", """{"account":"acme","name":"Acme Ltd"}"""));
        Ok(await _host.PostAsync("CreateGatewayRouting",
            """{"name":"out1","prefix":"9","remoteIp":"192.0.2.30","signalPort":5070,"capacity":10}"""));
        Ok(await _host.PostAsync("CreateGatewayRouting", """{"name":"out2","prefix":"8","remoteIp":"192.0.2.31"}"""));
        Ok(await _host.PostAsync("CreateGatewayMapping", """{"name":"in1","remoteIps":"192.0.2.10","account":"acme","capacity":30}"""));
    }

    [TearDown]
    public async Task TearDown() => await _host.DisposeAsync();

    private long IdOf(string name) => _host.Services.GetRequiredService<GatewayState>().FindRouting(name)!.Id;

    private async Task<JsonElement> RoutingOnline(string body = "{}") =>
        (await _host.PostAsync("GetGatewayRoutingOnline", body)).GetProperty("infoGatewayRoutingOnlines");

    [Test]
    public async Task ARoutingGatewayThatCarriedCallsIsListedWithItsFigures()
    {
        var before = await RoutingOnline();
        long id = IdOf("out1");
        var talking = _stats.Start(GatewayKind.Routing, id, "out1");
        var ended = _stats.Start(GatewayKind.Routing, id, "out1");
        _time.Advance(TimeSpan.FromSeconds(2));
        talking.Progress();
        talking.Answered();
        ended.Answered();
        _stats.Start(GatewayKind.Routing, id, "out1").Answered();
        _stats.Start(GatewayKind.Routing, id, "out1").Failed(503);
        _stats.Start(GatewayKind.Routing, id, "out1");
        _time.Advance(TimeSpan.FromSeconds(61));
        ended.Ended();

        var online = await RoutingOnline();
        var onlyOut2 = await RoutingOnline("""{"names":["out2"]}""");

        Assert.That(before.GetArrayLength(), Is.Zero);
        Assert.That(online.GetArrayLength(), Is.EqualTo(1), "out2 carried nothing");
        var info = online[0];
        Assert.That(info.GetProperty("name").GetString(), Is.EqualTo("out1"));
        Assert.That(info.GetProperty("id").GetInt64(), Is.EqualTo(id));
        Assert.That(info.GetProperty("prefix").GetString(), Is.EqualTo("9"));
        Assert.That(info.GetProperty("currentCall").GetInt32(), Is.EqualTo(3), "two talking, one ringing");
        Assert.That(info.GetProperty("capacity").GetInt32(), Is.EqualTo(10));
        Assert.That(info.GetProperty("asr").GetDouble(), Is.EqualTo(75.0), "3 answered of 4 concluded");
        Assert.That(info.GetProperty("responseRatio").GetDouble(), Is.EqualTo(100.0));
        Assert.That(info.GetProperty("connectedRatio").GetDouble(), Is.EqualTo(75.0), "a 503 did not reach the callee");
        Assert.That(info.GetProperty("acd").GetInt64(), Is.EqualTo(61));
        Assert.That(info.GetProperty("remoteIp").GetString(), Is.EqualTo("192.0.2.30:5070"));
        Assert.That(info.GetProperty("registerTime").GetInt64(), Is.Zero, "a static gateway");
        Assert.That(info.GetProperty("keepTime").GetInt64(), Is.Zero);
        Assert.That(onlyOut2.GetArrayLength(), Is.Zero);
    }

    [Test]
    public async Task AGatewayStaysOnlineWhileACallIsUpThenLapsesAfterTheIdleTime()
    {
        long id = IdOf("out1");
        var call = _stats.Start(GatewayKind.Routing, id, "out1");
        call.Answered();
        _time.Advance(TimeSpan.FromMinutes(30));

        var whileUp = await RoutingOnline();
        call.Ended();
        _time.Advance(TimeSpan.FromMinutes(4));
        var idle = await RoutingOnline();
        _time.Advance(TimeSpan.FromMinutes(2));
        var lapsed = await RoutingOnline();

        Assert.That(whileUp.GetArrayLength(), Is.EqualTo(1), "a call up keeps it online however long it lasts");
        Assert.That(idle.GetArrayLength(), Is.EqualTo(1), "within gatewayStatistics.onlineIdle (5 min) of its last call");
        Assert.That(idle[0].GetProperty("acd").GetInt64(), Is.EqualTo(1800));
        Assert.That(lapsed.GetArrayLength(), Is.Zero);
    }

    [Test]
    public async Task ARegisteredGatewayCarriesItsStatisticsAndTheEveryManualFieldIsThere()
    {
        long id = IdOf("out2");
        var now = _time.GetUtcNow();
        _host.Services.GetRequiredService<GatewayPresence>().Upsert(
            new GatewayPresenceEntry(GatewayKind.Routing, "out2", "192.0.2.31:5060", now, now, now.AddHours(1))
            {
                LocalAddress = "127.0.0.1:5060",
            });
        _stats.Start(GatewayKind.Routing, id, "out2").Failed(0);

        var info = (await RoutingOnline())[0];

        Assert.That(info.GetProperty("name").GetString(), Is.EqualTo("out2"));
        Assert.That(info.GetProperty("asr").GetDouble(), Is.Zero);
        Assert.That(info.GetProperty("responseRatio").GetDouble(), Is.Zero, "a timeout is no response");
        Assert.That(info.GetProperty("localIp").GetString(), Is.EqualTo("127.0.0.1:5060"));
        Assert.That(info.GetProperty("registerTime").GetInt64(), Is.EqualTo(now.ToUnixTimeMilliseconds()));
        string[] mandatory =
        [
            "id", "name", "prefix", "currentCall", "capacity", "asr", "responseRatio", "connectedRatio", "acd", "remoteIp",
            "localIp", "registerTime", "updateTime", "keepTime", "cryptoType", "retryAfter", "softswitchName", "softswitchIp",
        ];
        Assert.That(mandatory.Where(f => !info.TryGetProperty(f, out _)), Is.Empty);
    }

    [Test]
    public async Task AMappingGatewayThatSentCallsIsListedWithItsFigures()
    {
        long id = _host.Services.GetRequiredService<GatewayState>().FindMapping("in1")!.Id;
        var call = _stats.Start(GatewayKind.Mapping, id, "in1");
        _stats.Start(GatewayKind.Mapping, id, "in1").Failed(486);
        call.Answered();

        var online = (await _host.PostAsync("GetGatewayMappingOnline", "{}")).GetProperty("infoGatewayMappingOnlines");
        var routing = await RoutingOnline();

        Assert.That(online.GetArrayLength(), Is.EqualTo(1));
        var info = online[0];
        Assert.That(info.GetProperty("name").GetString(), Is.EqualTo("in1"));
        Assert.That(info.GetProperty("currentCall").GetInt32(), Is.EqualTo(1));
        Assert.That(info.GetProperty("capacity").GetInt32(), Is.EqualTo(30));
        Assert.That(info.GetProperty("asr").GetDouble(), Is.EqualTo(50.0));
        Assert.That(info.GetProperty("acd").GetInt64(), Is.Zero, "no call ended yet");
        Assert.That(info.GetProperty("remoteIps").GetString(), Is.EqualTo("192.0.2.10"));
        Assert.That(routing.GetArrayLength(), Is.Zero, "mapping traffic is not routing traffic, even with the same id");
    }

    [Test]
    public async Task TrafficOfADeletedGatewayDoesNotFollowItsNameAndTheRouterReadsTheSameCounters()
    {
        long oldId = IdOf("out1");
        _stats.Start(GatewayKind.Routing, oldId, "out1").Answered();
        Ok(await _host.PostAsync("DeleteGatewayRouting", """{"name":"out1"}"""));
        Ok(await _host.PostAsync("CreateGatewayRouting", """{"name":"out1","prefix":"9","remoteIp":"192.0.2.30"}"""));

        var online = await RoutingOnline();
        var load = _host.Services.GetRequiredService<IGatewayLoad>().Read(oldId);
        var quality = _host.Services.GetRequiredService<IGatewayQuality>().Read(oldId);

        Assert.That(IdOf("out1"), Is.Not.EqualTo(oldId));
        Assert.That(online.GetArrayLength(), Is.Zero);
        Assert.That(load, Is.EqualTo(new GatewayLoad(CurrentCalls: 1, CallsCarried: 1)));
        Assert.That(quality, Is.EqualTo(new GatewayQuality(Attempts: 1, Answered: 1)));
    }

    [Test]
    public async Task CreateAlarmSetsTheThresholdAndTheTimerRaisesTheAsrAlarm()
    {
        Ok(await _host.PostAsync("CreateAlarm", """{"name":"20000","lower":50,"level":3}"""));
        long id = IdOf("out1");
        for (int i = 0; i < 20; i++)
        {
            _stats.Start(GatewayKind.Routing, id, "out1").Failed(503);
        }
        var beforeTick = (await _host.PostAsync("GetAlarmCurrent", "{}")).GetProperty("infoAlarmCurrents");

        _time.Advance(TimeSpan.FromSeconds(30));
        // The tick runs on the host's timer thread: wait for its effect (bounded), not for a fixed time.
        var current = beforeTick;
        for (int i = 0; i < 200 && current.GetArrayLength() == 0; i++)
        {
            await Task.Delay(25);
            current = (await _host.PostAsync("GetAlarmCurrent", "{}")).GetProperty("infoAlarmCurrents");
        }

        Assert.That(beforeTick.GetArrayLength(), Is.Zero, "the threshold definition is not a current alarm; no tick yet");
        Assert.That(current.GetArrayLength(), Is.EqualTo(1), "raised on the gatewayStatistics.alarmInterval tick (30 s)");
        Assert.That(current[0].GetProperty("type").GetInt32(), Is.EqualTo(20000));
        Assert.That(current[0].GetProperty("name").GetString(), Is.EqualTo("落地网关 ASR out1"));
        Assert.That(current[0].GetProperty("level").GetInt32(), Is.EqualTo(3));
        Assert.That(current[0].GetProperty("value").GetDouble(), Is.Zero);
        Assert.That(current[0].GetProperty("lower").GetDouble(), Is.EqualTo(50.0));
    }
}
