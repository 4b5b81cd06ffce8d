using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Softswitch.Api.Vos;
using Softswitch.Core.Calls;
using Softswitch.Core.Cdrs;

namespace Softswitch.Tests.Api.Calls;

/// <summary>
/// GetCurrentCall, DisconnectCurrentCall, GetPerformance, GetCdr and CreateCdr through the real pipeline. The
/// host gets this fixture's clock, registry and CDR queue, so calls can be driven here as the B2BUA would.
/// </summary>
public class CallEndpointsTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 1, 10, 0, 0, TimeSpan.Zero));
    private VosApiHost _host = null!;
    private CallRegistry _registry = null!;
    private CdrQueue _queue = null!;
    private CdrRecorder _recorder = null!;

    [SetUp]
    public async Task SetUp()
    {
        _registry = new CallRegistry(_time, new CallEvents());
        _queue = new CdrQueue(new CdrQueueOptions());
        _recorder = new CdrRecorder(_registry, _queue);
        _host = await VosApiHost.StartAsync(s =>
        {
            s.AddSingleton<TimeProvider>(_time);
            s.AddSingleton(_registry);
            s.AddSingleton(_queue);
        });
        Assert.That(RetCode(await _host.PostAsync("CreateCustomer", """{"account":"acme","name":"Acme"}""")), Is.Zero);
    }

    [TearDown]
    public async Task TearDown() => await _host.DisposeAsync();

    private static int RetCode(JsonElement e) => e.GetProperty("retCode").GetInt32();

    private static string Reason(JsonElement e) => e.GetProperty("exception").GetString()!;

    private Call StartCall(string caller = "1001", string callee = "1002") => _registry.Create(new CallSetup
    {
        CallerE164 = caller, CalleeE164 = callee, Account = "acme", CallerIp = "192.0.2.10", CallerSipCallId = "a-leg",
    });

    [Test]
    public async Task ACallIsListedWhileLiveThenEndsInOneCdr()
    {
        var call = StartCall();
        call.Fire(CallTrigger.InviteSent);
        var ringing = await _host.PostAsync("GetCurrentCall", "{}");
        call.Fire(CallTrigger.Answered);
        _time.Advance(TimeSpan.FromMilliseconds(1500));

        var live = await _host.PostAsync("GetCurrentCall", "{}");
        var disconnected = await _host.PostAsync("DisconnectCurrentCall", $$"""{"callIds":[{{call.CallId}}]}""");
        var performance = await _host.PostAsync("GetPerformance", "{}");
        var cdrs = await PollCdrsAsync("""{"accounts":["acme"],"beginTime":"20260301","endTime":"20260301"}""", 1);

        Assert.That(ringing.GetProperty("infoCurrentCalls")[0].GetProperty("keepTime").GetInt64(), Is.EqualTo(-7));
        Assert.That(RetCode(live), Is.Zero);
        var info = live.GetProperty("infoCurrentCalls")[0];
        Assert.That(info.GetProperty("callId").ValueKind, Is.EqualTo(JsonValueKind.Number));
        Assert.That(info.GetProperty("callId").GetInt64(), Is.EqualTo(call.CallId));
        Assert.That(info.GetProperty("keepTime").GetInt64(), Is.EqualTo(1500));
        Assert.That(info.GetProperty("calleeE164").GetString(), Is.EqualTo("1002"));
        Assert.That(info.GetProperty("callerGatewayId").GetString(), Is.Empty);
        Assert.That(info.GetProperty("callerInfoRtpFlowAudio").GetProperty("rtpPackets").GetInt32(), Is.Zero);
        Assert.That(info.GetProperty("connectedTime").GetInt64(), Is.EqualTo(_time.GetUtcNow().AddMilliseconds(-1500).ToUnixTimeMilliseconds()));
        Assert.That(RetCode(disconnected), Is.Zero);
        Assert.That(RetCode(performance), Is.Zero);
        Assert.That(performance.GetProperty("infoPerformance").GetProperty("callSize").GetInt32(), Is.Zero);
        Assert.That(performance.GetProperty("infoPerformance").GetProperty("cdrQueueSize").GetInt32(), Is.GreaterThanOrEqualTo(0));
        var cdr = cdrs.GetProperty("infoCdrs")[0];
        Assert.That(cdr.GetProperty("calleeE164").GetString(), Is.EqualTo("1002"));
        Assert.That(cdr.GetProperty("callerip").GetString(), Is.EqualTo("192.0.2.10"));
        Assert.That(cdr.GetProperty("holdTime").GetInt32(), Is.EqualTo(2));
        Assert.That(cdr.GetProperty("endReason").GetInt32(), Is.EqualTo((int)EndReason.DisconnectedByManagement));
        Assert.That(cdr.GetProperty("endDirection").GetInt32(), Is.EqualTo(2));
        Assert.That(cdr.GetProperty("flowNo").GetInt64(), Is.GreaterThan(0));
    }

    [Test]
    public async Task AnUnansweredCallAlsoEndsInOneCdr()
    {
        var call = StartCall(callee: "1003");
        call.Fire(CallTrigger.InviteSent);
        call.End(EndReason.CalleeBusy);
        _recorder.Complete(call);
        _recorder.Complete(call);

        var cdrs = await PollCdrsAsync("""{"accounts":["acme"],"beginTime":"20260301","endTime":"20260302"}""", 1);
        await Task.Delay(100);
        var again = await _host.PostAsync("GetCdr", """{"accounts":["acme"],"beginTime":"20260301","endTime":"20260302"}""");

        Assert.That(cdrs.GetProperty("infoCdrs")[0].GetProperty("endReason").GetInt32(), Is.EqualTo(10));
        Assert.That(again.GetProperty("infoCdrs").GetArrayLength(), Is.EqualTo(1));
    }

    [Test]
    public async Task GetCurrentCallFilters()
    {
        StartCall("1001", "1002");
        StartCall("1003", "1004");

        var byCaller = await _host.PostAsync("GetCurrentCall", """{"callerE164s":["1003"]}""");
        var byCallee = await _host.PostAsync("GetCurrentCall", """{"calleeE164s":["1002","1004"]}""");
        var byGateway = await _host.PostAsync("GetCurrentCall", """{"gatewayRoutingName":"gw"}""");

        Assert.That(byCaller.GetProperty("infoCurrentCalls")[0].GetProperty("calleeE164").GetString(), Is.EqualTo("1004"));
        Assert.That(byCaller.GetProperty("infoCurrentCalls").GetArrayLength(), Is.EqualTo(1));
        Assert.That(byCallee.GetProperty("infoCurrentCalls").GetArrayLength(), Is.EqualTo(2));
        Assert.That(byGateway.GetProperty("infoCurrentCalls").GetArrayLength(), Is.Zero);
    }

    [TestCase("GetCurrentCall", """{"callerE164s":"1001"}""", VosRetCode.WrongType, "callerE164s")]
    [TestCase("DisconnectCurrentCall", "{}", VosRetCode.MissingField, "callIds")]
    [TestCase("DisconnectCurrentCall", """{"callIds":[]}""", VosRetCode.MissingField, "callIds")]
    [TestCase("DisconnectCurrentCall", """{"callIds":["1"]}""", VosRetCode.WrongType, "callIds")]
    [TestCase("DisconnectCurrentCall", """{"callIds":[999]}""", VosRetCode.NotFound, "999")]
    [TestCase("GetCdr", """{"beginTime":"20260301","endTime":"20260301"}""", VosRetCode.MissingField, "accounts")]
    [TestCase("GetCdr", """{"accounts":["acme"],"endTime":"20260301"}""", VosRetCode.MissingField, "beginTime")]
    [TestCase("GetCdr", """{"accounts":"acme","beginTime":"20260301","endTime":"20260301"}""", VosRetCode.WrongType, "accounts")]
    [TestCase("GetCdr", """{"accounts":["acme"],"beginTime":"2026-03-01","endTime":"20260301"}""", VosRetCode.OutOfRange, "beginTime")]
    [TestCase("GetCdr", """{"accounts":["acme"],"beginTime":20260301,"endTime":"20260301"}""", VosRetCode.WrongType, "beginTime")]
    [TestCase("CreateCdr", """{"billingTime":10}""", VosRetCode.MissingField, "billingMode")]
    [TestCase("CreateCdr", """{"billingMode":0,"billingTime":"10"}""", VosRetCode.WrongType, "billingTime")]
    [TestCase("CreateCdr", """{"billingMode":9,"billingTime":10,"account":"acme"}""", VosRetCode.OutOfRange, "billingMode")]
    [TestCase("CreateCdr", """{"billingMode":0,"billingTime":10,"account":"nobody"}""", VosRetCode.NotFound, "nobody")]
    public async Task BadInputIsRefusedWithTheFieldNamed(string name, string body, VosRetCode code, string mention)
    {
        var result = await _host.PostAsync(name, body);

        Assert.That(RetCode(result), Is.EqualTo((int)code));
        Assert.That(Reason(result), Does.Contain(mention));
    }

    [Test]
    public async Task DisconnectNamingAnUnknownIdTouchesNothing()
    {
        var call = StartCall();
        var result = await _host.PostAsync("DisconnectCurrentCall", $$"""{"callIds":[{{call.CallId}},4242]}""");

        Assert.That(RetCode(result), Is.EqualTo((int)VosRetCode.NotFound));
        Assert.That(call.State, Is.EqualTo(CallState.Authorising));
        Assert.That(_registry.Count, Is.EqualTo(1));
    }

    [Test]
    public async Task CreateCdrIsFoundByGetCdrAndAFlowNoIsRecordedOnce()
    {
        string body = """{"billingMode":0,"account":"acme","callerE164":"1001","calleeE164":"1002","billingTime":30,"flowNo":5000,"startTime":1772359200000}""";

        var first = await _host.PostAsync("CreateCdr", body);
        var second = await _host.PostAsync("CreateCdr", body);
        var cdrs = await _host.PostAsync("GetCdr", """{"accounts":["acme"],"beginTime":"20260301","endTime":"20260301","calleeE164":"1002"}""");

        Assert.That(RetCode(first), Is.Zero);
        Assert.That(first.GetProperty("flowNo").GetInt64(), Is.EqualTo(5000));
        Assert.That(RetCode(second), Is.EqualTo((int)VosRetCode.Duplicate));
        Assert.That(cdrs.GetProperty("infoCdrs").GetArrayLength(), Is.EqualTo(1));
        Assert.That(cdrs.GetProperty("infoCdrs")[0].GetProperty("holdTime").GetInt32(), Is.EqualTo(30));
        Assert.That(cdrs.GetProperty("infoCdrs")[0].GetProperty("calleeBilling").GetInt32(), Is.EqualTo(2));
    }

    [Test]
    public async Task GetPerformanceCountsLiveCallsAndQueuedCdrs()
    {
        StartCall();
        StartCall();

        var result = await _host.PostAsync("GetPerformance", "");

        var info = result.GetProperty("infoPerformance");
        Assert.That(info.GetProperty("callSize").GetInt32(), Is.EqualTo(2));
        Assert.That(info.GetProperty("cdrQueueSize").GetInt32(), Is.Zero);
        Assert.That(info.GetProperty("memoryBytes").GetInt64(), Is.GreaterThan(0));
    }

    /// <summary>The CDR writer runs in the background: wait until GetCdr sees the expected count.</summary>
    private async Task<JsonElement> PollCdrsAsync(string body, int count)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (true)
        {
            var result = await _host.PostAsync("GetCdr", body);
            Assert.That(RetCode(result), Is.Zero, result.ToString());
            if (result.GetProperty("infoCdrs").GetArrayLength() >= count || DateTime.UtcNow > deadline)
            {
                Assert.That(result.GetProperty("infoCdrs").GetArrayLength(), Is.EqualTo(count));
                return result;
            }
            await Task.Delay(20);
        }
    }
}
