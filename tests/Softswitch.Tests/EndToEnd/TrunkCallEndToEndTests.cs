using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Softswitch.Tests.EndToEnd.Support;

namespace Softswitch.Tests.EndToEnd;

/// <summary>
/// Trunk calls through the real switch over loopback (issue 11's acceptance contract): a SIPp UAC on 127.0.0.5 is a
/// static mapping gateway (no digest); the call goes out to routing gateways — first a simulated carrier that answers
/// 503, then a SIPp UAS on 127.0.0.6 playing the carrier — with the numbers rewritten for each. The CDR names both
/// gateways, and both online lists show the traffic. A dynamic mapping gateway registers, then calls with digest.
/// </summary>
[NonParallelizable]
[Category("EndToEnd")]
public class TrunkCallEndToEndTests
{
    private const string TrunkAddress = "127.0.0.5";
    private const string CarrierAddress = "127.0.0.6";
    private const string CallerNumber = "8613800000099";

    private SwitchHost _switch = null!;
    private string _csv = null!;
    private string _messages = null!;

    [SetUp]
    public async Task StartAsync()
    {
        _switch = await SwitchHost.StartAsync("--no-demo");
        await OkAsync("CreateCustomer", new { account = "acme", name = "Acme" });
        _csv = Path.Combine(Path.GetTempPath(), $"trunk-{Guid.NewGuid():N}.csv");
        await File.WriteAllTextAsync(_csv, $"SEQUENTIAL\n{CallerNumber};\n");
        _messages = Path.Combine(Path.GetTempPath(), $"carrier-{Guid.NewGuid():N}.log");
    }

    [TearDown]
    public async Task StopAsync()
    {
        await _switch.DisposeAsync();
        File.Delete(_csv);
        File.Delete(_messages);
    }

    private async Task<JsonElement> OkAsync(string name, object body)
    {
        var answer = await _switch.PostAsync(name, body);
        Assert.That(answer.GetProperty("retCode").GetInt32(), Is.Zero, name + ": " + answer);
        return answer;
    }

    /// <summary>A SIPp UAS on the carrier address answering <paramref name="calls"/> calls, its messages traced to a file.</summary>
    private async Task<(Task<SippRunner.Result> Run, int Port)> CarrierAsync(int calls)
    {
        int port = SippRunner.FreePort();
        var run = SippRunner.StartServerAsync(port, "uas_builtin", calls, "-i", CarrierAddress, "-trace_msg", "-message_file", _messages, "-timeout", "30s");
        Assert.That(await Eventually.UntilAsync(() => run.IsCompleted || SippRunner.IsListening(port)), Is.True, "the carrier SIPp did not bind");
        Assert.That(run.IsCompleted, Is.False, "the carrier SIPp ended early: " + (run.IsCompleted ? (await run).Output : ""));
        return (run, port);
    }

    private async Task<int> SimulatedCarrierAsync(string name, string behaviour)
    {
        using var content = new StringContent($$"""{"name":"{{name}}",{{behaviour}}}""", System.Text.Encoding.UTF8, "application/json");
        using var response = await _switch.Http.PostAsync(new Uri(_switch.HttpBase, "/external/simulation/CreateSimulatedCarrier"), content);
        var created = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
        Assert.That(created.GetProperty("retCode").GetInt32(), Is.Zero, created.ToString());
        return created.GetProperty("port").GetInt32();
    }

    private async Task<JsonElement[]> CdrsAsync(int count)
    {
        string today = DateTime.UtcNow.ToString("yyyyMMdd", CultureInfo.InvariantCulture);
        return await Eventually.ReadUntilAsync(async () =>
            (await _switch.PostAsync("GetCdr", new { accounts = new[] { "acme" }, beginTime = DateTime.UtcNow.AddDays(-1).ToString("yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture), endTime = today }))
                .GetProperty("infoCdrs").EnumerateArray().ToArray(), cdrs => cdrs.Length >= count);
    }

    private async Task<JsonElement> OnlineAsync(string kind, string name) =>
        (await _switch.PostAsync($"GetGateway{kind}Online", new { names = new[] { name } })).GetProperty($"infoGateway{kind}Onlines");

    [Test]
    public async Task ATrunkCallFailsOverFromA503CarrierToOneThatAnswersWithTheNumbersRewrittenForEach()
    {
        await OkAsync("CreateGatewayMapping", new { name = "trunk-e2e", remoteIps = TrunkAddress, registerType = 0, account = "acme" });
        int busyPort = await SimulatedCarrierAsync("sim-503", "\"answerPercent\":0,\"rejectPercent\":100,\"rejectStatus\":503,\"retryAfterSeconds\":30");
        await OkAsync("CreateGatewayRouting", new
        {
            name = "carrier-503", prefix = "9", remoteIp = "127.0.0.1", signalPort = busyPort, priority = 1, rewriteRulesInCallee = "9:",
        });
        var (carrier, carrierPort) = await CarrierAsync(1);
        await OkAsync("CreateGatewayRouting", new
        {
            name = "carrier-ok", prefix = "9", remoteIp = CarrierAddress, signalPort = carrierPort, priority = 2,
            rewriteRulesInCallee = "9:0044", rewriteRulesInCaller = "86:0",
        });

        var caller = await SippRunner.RunAsync(_switch.SipPort, "uac_trunk.xml", "-i", TrunkAddress, "-s", "95551234", "-inf", _csv, "-d", "500");
        var callee = await carrier;

        Assert.That(caller.ExitCode, Is.Zero, "the trunk's call: " + caller.Output + caller.Errors);
        Assert.That(callee.ExitCode, Is.Zero, "the carrier: " + callee.Output + callee.Errors);
        string trace = await File.ReadAllTextAsync(_messages);
        var cdr = (await CdrsAsync(1)).Single();
        var mapping = await OnlineAsync("Mapping", "trunk-e2e");
        var answered = (await OnlineAsync("Routing", "carrier-ok")).EnumerateArray().Single();
        var failed = (await OnlineAsync("Routing", "carrier-503")).EnumerateArray().Single();
        Assert.Multiple(() =>
        {
            Assert.That(trace, Does.Contain($"INVITE sip:00445551234@{CarrierAddress}:{carrierPort} SIP/2.0"), "the carrier's rewritten callee in the Request-URI");
            Assert.That(trace, Does.Contain("From: <sip:013800000099@"), "the carrier's rewritten caller (86 -> 0) in From");
            Assert.That(cdr.GetProperty("callerGateway").GetString(), Is.EqualTo("trunk-e2e"));
            Assert.That(cdr.GetProperty("calleeGateway").GetString(), Is.EqualTo("carrier-ok"));
            Assert.That(cdr.GetProperty("calleeToGatewayE164").GetString(), Is.EqualTo("00445551234"));
            Assert.That(mapping.GetArrayLength(), Is.EqualTo(1), "the mapping gateway carried traffic");
            Assert.That(answered.GetProperty("asr").GetDouble(), Is.EqualTo(100), "carrier-ok answered its one call");
            Assert.That(failed.GetProperty("asr").GetDouble(), Is.Zero, "carrier-503 answered none");
        });
    }

    [Test]
    public async Task AnUnknownSourceWithoutCredentialsGetsNoCall()
    {
        await OkAsync("CreateGatewayMapping", new { name = "trunk-e2e", remoteIps = TrunkAddress, registerType = 0, account = "acme" });

        var caller = await SippRunner.RunAsync(_switch.SipPort, "invite_notdigest.xml", "-i", "127.0.0.7", "-s", "95551234");

        Assert.That(caller.ExitCode, Is.Zero, "an address not in remoteIps is challenged (407) like any stranger: " + caller.Output + caller.Errors);
        Assert.That(await CdrsAsync(0), Is.Empty);
    }

    [Test]
    public async Task ADynamicMappingGatewayRegistersThenCallsOutThroughACarrier()
    {
        await OkAsync("CreateGatewayMapping", new { name = "dyn-call", registerType = 1, password = "dyn-secret", account = "acme" });
        var (carrier, carrierPort) = await CarrierAsync(1);
        await OkAsync("CreateGatewayRouting", new { name = "carrier-ok", prefix = "9", remoteIp = CarrierAddress, signalPort = carrierPort, rewriteRulesInCallee = "9:" });
        int gatewayPort = SippRunner.FreePort();
        var registered = await SippRunner.RunAtAsync(_switch.SipPort, gatewayPort, "register.xml", "-s", "dyn-call", "-au", "dyn-call", "-ap", "dyn-secret");
        Assert.That(registered.ExitCode, Is.Zero, registered.Output + registered.Errors);

        var caller = await SippRunner.RunAsync(_switch.SipPort, "uac_auth.xml", "-s", "95550000", "-au", "dyn-call", "-ap", "dyn-secret", "-inf", _csv, "-d", "300");
        var callee = await carrier;

        Assert.That(caller.ExitCode, Is.Zero, caller.Output + caller.Errors);
        Assert.That(callee.ExitCode, Is.Zero, callee.Output + callee.Errors);
        var cdr = (await CdrsAsync(1)).Single();
        Assert.That((cdr.GetProperty("callerGateway").GetString(), cdr.GetProperty("calleeGateway").GetString()), Is.EqualTo(("dyn-call", "carrier-ok")));
        Assert.That(await File.ReadAllTextAsync(_messages), Does.Contain($"INVITE sip:5550000@{CarrierAddress}:{carrierPort}"));
    }

    [Test]
    public async Task ADemoPhoneDiallingNineReachesTheDemoCarrierWhichAnswers()
    {
        await using var demo = await SwitchHost.StartAsync();
        var credentials = demo.Services.GetRequiredService<Softswitch.Api.Hosting.DemoCredentials>();
        var (e164, password) = credentials.Phones[0];
        string csv = Path.Combine(Path.GetTempPath(), $"demo-{Guid.NewGuid():N}.csv");
        await File.WriteAllTextAsync(csv, $"SEQUENTIAL\n{e164};\n");
        try
        {
            var caller = await SippRunner.RunAsync(demo.SipPort, "uac_auth.xml", "-s", "9123", "-au", e164, "-ap", password, "-inf", csv, "-d", "300");

            Assert.That(caller.ExitCode, Is.Zero, "the demo carrier answers a 9… call: " + caller.Output + caller.Errors);
            string today = DateTime.UtcNow.ToString("yyyyMMdd", CultureInfo.InvariantCulture);
            var cdrs = await Eventually.ReadUntilAsync(async () =>
                (await demo.PostAsync("GetCdr", new { accounts = new[] { credentials.Account }, beginTime = DateTime.UtcNow.AddDays(-1).ToString("yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture), endTime = today }))
                    .GetProperty("infoCdrs").EnumerateArray().ToArray(), list => list.Length >= 1);
            Assert.That(cdrs.Single().GetProperty("calleeGateway").GetString(), Is.EqualTo("demo-carrier"));
            Assert.That(cdrs.Single().GetProperty("calleeToGatewayE164").GetString(), Is.EqualTo("123"), "rewriteRulesInCallee 9: strips the 9");
        }
        finally
        {
            File.Delete(csv);
        }
    }
}
