using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using Softswitch.Sip.Simulation;
using Softswitch.Tests.EndToEnd.Support;

namespace Softswitch.Tests.EndToEnd;

/// <summary>Simulated carriers created over HTTP on the real switch, called directly by a SIPp UAC on loopback.</summary>
[NonParallelizable]
[Category("EndToEnd")]
public class SimulatedCarrierEndToEndTests
{
    private SwitchHost _switch = null!;

    [OneTimeSetUp]
    public async Task StartAsync() => _switch = await SwitchHost.StartAsync();

    [OneTimeTearDown]
    public async Task StopAsync() => await _switch.DisposeAsync();

    private async Task<JsonElement> PostAsync(string name, string json)
    {
        using var content = new StringContent(json, Encoding.UTF8, "application/json");
        using var response = await _switch.Http.PostAsync(new Uri(_switch.HttpBase, "/external/simulation/" + name), content);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
    }

    private async Task<int> CreateAsync(string json)
    {
        var created = await PostAsync("CreateSimulatedCarrier", json);
        Assert.That(created.GetProperty("retCode").GetInt32(), Is.Zero, created.ToString());
        return created.GetProperty("port").GetInt32();
    }

    private async Task<JsonElement> InfoAsync(string name) =>
        (await PostAsync("GetSimulatedCarrier", $$"""{"names":["{{name}}"]}"""))
        .GetProperty("infoSimulatedCarriers")[0];

    [Test]
    public async Task AnsweringCarrierTakesASippCall()
    {
        int port = await CreateAsync("""{"name":"e2e-answer","answerDelayMilliseconds":300}""");

        var run = await SippRunner.RunAsync(port, "uac_carrier.xml", "-s", "9001", "-d", "300");

        Assert.That(run.ExitCode, Is.Zero, run.Output + run.Errors);
        var info = await InfoAsync("e2e-answer");
        Assert.That(info.GetProperty("answered").GetInt64(), Is.EqualTo(1));
        Assert.That(info.GetProperty("activeCalls").GetInt32(), Is.Zero, "SIPp's BYE ended the call");
    }

    [Test]
    public async Task BusyCarrierAnswers486()
    {
        int port = await CreateAsync("""{"name":"e2e-busy","answerPercent":0,"busyPercent":100}""");

        var run = await SippRunner.RunAsync(port, "uac_carrier.xml", "-s", "9002");

        Assert.That(run.ExitCode, Is.Zero, run.Output + run.Errors);
        Assert.That((await InfoAsync("e2e-busy")).GetProperty("busy").GetInt64(), Is.EqualTo(1));
    }

    [Test]
    public async Task UnavailableCarrierAnswers503WithRetryAfter()
    {
        int port = await CreateAsync("""{"name":"e2e-503","answerPercent":0,"rejectPercent":100,"rejectStatus":503,"retryAfterSeconds":30}""");

        var run = await SippRunner.RunAsync(port, "uac_carrier.xml", "-s", "9003");

        Assert.That(run.ExitCode, Is.Zero, "503 with Retry-After (the scenario checks the header): " + run.Output + run.Errors);
        Assert.That((await InfoAsync("e2e-503")).GetProperty("rejected").GetInt64(), Is.EqualTo(1));
    }

    [Test]
    public async Task MixOverManyCallsFollowsTheSeededDraw()
    {
        const int calls = 40;
        const string json = """
            {"name":"e2e-mix","answerPercent":60,"busyPercent":20,"rejectPercent":20,"rejectStatus":503,
             "retryAfterSeconds":5,"seed":42}
            """;
        int port = await CreateAsync(json);

        var run = await SippRunner.RunAsync(port, "uac_carrier.xml", "-s", "9004", "-m", calls.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "-r", "20", "-d", "50");

        Assert.That(run.ExitCode, Is.Zero, run.Output + run.Errors);
        var expected = new SimulatedOutcomePicker(
            new SimulatedCarrierDefinition { AnswerPercent = 60, BusyPercent = 20, RejectPercent = 20 }, new Random(42));
        var draws = Enumerable.Range(0, calls).Select(_ => expected.Next()).ToArray();
        var info = await InfoAsync("e2e-mix");
        Assert.That(info.GetProperty("answered").GetInt64(), Is.EqualTo(draws.Count(d => d == SimulatedOutcome.Answer)));
        Assert.That(info.GetProperty("busy").GetInt64(), Is.EqualTo(draws.Count(d => d == SimulatedOutcome.Busy)));
        Assert.That(info.GetProperty("rejected").GetInt64(), Is.EqualTo(draws.Count(d => d == SimulatedOutcome.Reject)));
        Assert.That(info.GetProperty("answered").GetInt64(), Is.InRange(16, 32), "60 % of 40 within tolerance");
    }

    [Test]
    public async Task CreateGetDeleteLifecycleFreesThePort()
    {
        int port = await CreateAsync("""{"name":"e2e-life"}""");
        var info = await InfoAsync("e2e-life");
        Assert.That(info.GetProperty("listenPort").GetInt32(), Is.EqualTo(port));
        Assert.That(info.GetProperty("definition").GetProperty("answerPercent").GetInt32(), Is.EqualTo(100));

        var again = await PostAsync("CreateSimulatedCarrier", """{"name":"e2e-life"}""");
        Assert.That(again.GetProperty("retCode").GetInt32(), Is.EqualTo(-10005));

        var deleted = await PostAsync("DeleteSimulatedCarrier", """{"name":"e2e-life"}""");
        Assert.That(deleted.GetProperty("retCode").GetInt32(), Is.Zero);
        var all = await PostAsync("GetSimulatedCarrier", """{"names":["e2e-life"]}""");
        Assert.That(all.GetProperty("infoSimulatedCarriers").GetArrayLength(), Is.Zero);
        using var reuse = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        Assert.That(() => reuse.Bind(new IPEndPoint(IPAddress.Loopback, port)), Throws.Nothing, "the carrier's port was closed");

        var gone = await PostAsync("DeleteSimulatedCarrier", """{"name":"e2e-life"}""");
        Assert.That(gone.GetProperty("retCode").GetInt32(), Is.EqualTo(-10007));
    }

    [TestCase("""{"name":"r1","port":70000}""", -10004, "port")]
    [TestCase("""{"name":"r2","bindAddress":"192.0.2.1"}""", -10004, "bindAddress")]
    [TestCase("""{"name":"r3","busyPercent":10}""", -10004, "answerPercent")]
    [TestCase("""{"name":"r4","answerPercent":"60"}""", -10003, "answerPercent")]
    [TestCase("""{"name":"r5","rejectStatus":200}""", -10004, "rejectStatus")]
    [TestCase("""{"name":"r6","media":"loud"}""", -10004, "media")]
    [TestCase("""{"port":0}""", -10002, "name")]
    [TestCase("""{"name":"bad name"}""", -10004, "name")]
    [TestCase("""not json""", -10001, "")]
    public async Task CreateRefusalsNameTheField(string body, int code, string field)
    {
        var refused = await PostAsync("CreateSimulatedCarrier", body);

        Assert.That(refused.GetProperty("retCode").GetInt32(), Is.EqualTo(code), refused.ToString());
        Assert.That(refused.GetProperty("exception").GetString(), Does.Contain(field));
    }

    [Test]
    public async Task PortInUseIsRefused()
    {
        using var taken = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        taken.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        int port = ((IPEndPoint)taken.LocalEndPoint!).Port;

        var refused = await PostAsync("CreateSimulatedCarrier", $$"""{"name":"e2e-taken","port":{{port}}}""");

        Assert.That(refused.GetProperty("retCode").GetInt32(), Is.EqualTo(-10004));
        Assert.That(refused.GetProperty("exception").GetString(), Does.StartWith("port:"));
    }
}
