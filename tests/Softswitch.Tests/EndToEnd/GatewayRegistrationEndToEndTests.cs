using System.Globalization;
using System.Text;
using System.Text.Json;
using Softswitch.Tests.EndToEnd.Support;

namespace Softswitch.Tests.EndToEnd;

/// <summary>registerType 1 gateways registering to the real switch over loopback: SIPp, and a simulated carrier.</summary>
[NonParallelizable]
[Category("EndToEnd")]
public class GatewayRegistrationEndToEndTests
{
    private SwitchHost _switch = null!;

    [OneTimeSetUp]
    public async Task StartAsync() => _switch = await SwitchHost.StartAsync();

    [OneTimeTearDown]
    public async Task StopAsync() => await _switch.DisposeAsync();

    private async Task OkAsync(string name, object body)
    {
        var answer = await _switch.PostAsync(name, body);
        Assert.That(answer.GetProperty("retCode").GetInt32(), Is.Zero, name + ": " + answer);
    }

    private async Task<JsonElement> OnlineAsync(string kind, string name) =>
        (await _switch.PostAsync($"GetGateway{kind}Online", new { names = new[] { name } })).GetProperty($"infoGateway{kind}Onlines");

    private Task<JsonElement> OnlineUntilAsync(string kind, string name, int count) =>
        Eventually.ReadUntilAsync(() => OnlineAsync(kind, name), list => list.GetArrayLength() == count);

    [Test]
    public async Task SippRegistersAsADynamicMappingGatewayCreatedOverHttpAndIsListedOnline()
    {
        await OkAsync("CreateGatewayMapping", new { name = "dyn-e2e", registerType = 1, password = "dyn-secret" });

        var refused = await SippRunner.RunAsync(_switch.SipPort, "register_refused.xml", "-s", "dyn-e2e", "-au", "dyn-e2e", "-ap", "wrong");
        Assert.That(refused.ExitCode, Is.Zero, "a wrong password gets 401 then 403: " + refused.Output + refused.Errors);
        Assert.That((await OnlineAsync("Mapping", "dyn-e2e")).GetArrayLength(), Is.Zero);

        int sippPort = SippRunner.FreePort();
        var run = await SippRunner.RunAtAsync(_switch.SipPort, sippPort, "register.xml", "-s", "dyn-e2e", "-au", "dyn-e2e", "-ap", "dyn-secret");
        Assert.That(run.ExitCode, Is.Zero, run.Output + run.Errors);

        var entry = (await OnlineAsync("Mapping", "dyn-e2e")).EnumerateArray().Single();
        Assert.That(entry.GetProperty("remoteIps").GetString(), Is.EqualTo("127.0.0.1:" + sippPort.ToString(CultureInfo.InvariantCulture)));
        Assert.That(entry.GetProperty("registerTime").GetInt64(), Is.Positive);
        Assert.That(entry.GetProperty("localIp").GetString(), Does.EndWith(":" + _switch.SipPort.ToString(CultureInfo.InvariantCulture)));

        await OkAsync("DeleteGatewayMapping", new { name = "dyn-e2e" });
        Assert.That((await OnlineAsync("Mapping", "dyn-e2e")).GetArrayLength(), Is.Zero);
    }

    [Test]
    public async Task SippRegistersAsADynamicRoutingGatewayAndIsListedOnline()
    {
        await OkAsync("CreateGatewayRouting", new { name = "dyn-out-e2e", prefix = "77", registerType = 1, password = "out-secret" });

        var run = await SippRunner.RunAsync(_switch.SipPort, "register.xml", "-s", "dyn-out-e2e", "-au", "dyn-out-e2e", "-ap", "out-secret");

        Assert.That(run.ExitCode, Is.Zero, run.Output + run.Errors);
        Assert.That((await OnlineAsync("Routing", "dyn-out-e2e")).GetArrayLength(), Is.EqualTo(1));
        Assert.That((await OnlineAsync("Mapping", "dyn-out-e2e")).GetArrayLength(), Is.Zero);
    }

    [Test]
    public async Task ASimulatedCarrierThatRegistersToTheSwitchAppearsOnlineAndLeavesWhenDeleted()
    {
        await OkAsync("CreateGatewayMapping", new { name = "sim-dyn-e2e", registerType = 1, password = "sim-secret" });
        string body = $$"""
            {"name":"sim-reg-e2e","registerTo":"127.0.0.1:{{_switch.SipPort}}","registerUser":"sim-dyn-e2e",
             "registerPassword":"sim-secret","registerExpiresSeconds":60}
            """;
        var created = await SimulationAsync("CreateSimulatedCarrier", body);
        Assert.That(created.GetProperty("retCode").GetInt32(), Is.Zero, created.ToString());
        int carrierPort = created.GetProperty("port").GetInt32();

        var online = await OnlineUntilAsync("Mapping", "sim-dyn-e2e", 1);
        Assert.That(online.GetArrayLength(), Is.EqualTo(1), "the carrier registered within the deadline");
        Assert.That(online[0].GetProperty("remoteIps").GetString(), Is.EqualTo("127.0.0.1:" + carrierPort.ToString(CultureInfo.InvariantCulture)));

        var deleted = await SimulationAsync("DeleteSimulatedCarrier", """{"name":"sim-reg-e2e"}""");
        Assert.That(deleted.GetProperty("retCode").GetInt32(), Is.Zero);
        Assert.That((await OnlineUntilAsync("Mapping", "sim-dyn-e2e", 0)).GetArrayLength(), Is.Zero, "it unregistered (Expires: 0)");
    }

    private async Task<JsonElement> SimulationAsync(string name, string json)
    {
        using var content = new StringContent(json, Encoding.UTF8, "application/json");
        using var response = await _switch.Http.PostAsync(new Uri(_switch.HttpBase, "/external/simulation/" + name), content);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
    }
}
