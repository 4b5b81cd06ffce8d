using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Softswitch.Api.Endpoints.Simulation;
using Softswitch.Api.Hosting;

namespace Softswitch.Tests.Api.Hosting;

/// <summary>
/// The demo carrier (docs/simulation.md "The demo carrier") on the real composition, restarted over one database:
/// the first start creates the simulated carrier and its routing gateway, later starts re-point the gateway at the
/// carrier's new port without a second gateway and keep the operator's other changes, --no-demo creates neither.
/// </summary>
[NonParallelizable]
public sealed class DemoCarrierTests
{
    private string _dir = null!;

    /// <summary>A new path per test: pooled SQLite connections are keyed by it and would outlive a deleted file.</summary>
    [SetUp]
    public void CreateDirectory()
    {
        _dir = Path.Combine(Path.GetTempPath(), "softswitch-test-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_dir);
    }

    [TearDown]
    public void DeleteDirectory() => Directory.Delete(_dir, recursive: true);

    [Test]
    public async Task FirstStartCreatesTheCarrierAndItsGatewayAndLaterStartsRepointItWithoutDuplicating()
    {
        int firstPort;
        await using (var first = await Switch.StartAsync(_dir))
        {
            firstPort = first.DemoCarrierPort();
            var gateway = (await first.RoutingGatewaysAsync()).Single();
            Assert.That(gateway.GetProperty("name").GetString(), Is.EqualTo("demo-carrier"));
            Assert.That(gateway.GetProperty("prefix").GetString(), Is.EqualTo("9"));
            Assert.That(gateway.GetProperty("prefixStyle").GetInt32(), Is.Zero, "terminal");
            Assert.That(gateway.GetProperty("rewriteRulesInCallee").GetString(), Is.EqualTo("9:"));
            Assert.That(gateway.GetProperty("remoteIp").GetString(), Is.EqualTo("127.0.0.1"));
            Assert.That(gateway.GetProperty("signalPort").GetInt32(), Is.EqualTo(firstPort));

            var carrier = (await first.PostAsync("simulation/GetSimulatedCarrier", "{}")).GetProperty("infoSimulatedCarriers").EnumerateArray().Single();
            Assert.That(carrier.GetProperty("listenPort").GetInt32(), Is.EqualTo(firstPort));
            var definition = carrier.GetProperty("definition");
            Assert.That(definition.GetProperty("answerPercent").GetInt32(), Is.EqualTo(100));
            Assert.That(definition.GetProperty("answerDelayMilliseconds").GetInt32(), Is.EqualTo(1000));
            Assert.That(definition.GetProperty("media").GetString(), Is.EqualTo("echo"));

            var modified = await first.PostAsync("server/ModifyGatewayRouting", """{"name":"demo-carrier","priority":7,"signalPort":1}""");
            Assert.That(modified.GetProperty("retCode").GetInt32(), Is.Zero, modified.ToString());
        }

        int secondPort;
        await using (var second = await Switch.StartAsync(_dir))
        {
            secondPort = second.DemoCarrierPort();
            var gateway = (await second.RoutingGatewaysAsync()).Single();
            Assert.That(gateway.GetProperty("signalPort").GetInt32(), Is.EqualTo(secondPort), "re-pointed at this start's carrier");
            Assert.That(gateway.GetProperty("priority").GetInt32(), Is.EqualTo(7), "the operator's change is kept");
            Assert.That(gateway.GetProperty("prefix").GetString(), Is.EqualTo("9"));
        }

        await using (var off = await Switch.StartAsync(_dir, "--no-demo"))
        {
            var gateway = (await off.RoutingGatewaysAsync()).Single();
            Assert.That(gateway.GetProperty("signalPort").GetInt32(), Is.EqualTo(secondPort), "the store holds the re-pointed gateway");
            Assert.That(off.Carriers.Find("demo-carrier"), Is.Null, "no carrier without the demo");
        }
    }

    [Test]
    public async Task ADeletedDemoGatewayIsCreatedAgainWhileTheDemoIsOn()
    {
        await using (var first = await Switch.StartAsync(_dir))
        {
            var deleted = await first.PostAsync("server/DeleteGatewayRouting", """{"name":"demo-carrier"}""");
            Assert.That(deleted.GetProperty("retCode").GetInt32(), Is.Zero, deleted.ToString());
        }
        await using var second = await Switch.StartAsync(_dir);
        var gateway = (await second.RoutingGatewaysAsync()).Single();
        Assert.That(gateway.GetProperty("signalPort").GetInt32(), Is.EqualTo(second.DemoCarrierPort()));
    }

    [Test]
    public async Task NoDemoCreatesNeitherCarrierNorGateway()
    {
        await using var off = await Switch.StartAsync(_dir, "--no-demo");
        Assert.That(await off.RoutingGatewaysAsync(), Is.Empty);
        Assert.That(off.Carriers.All, Is.Empty);
    }

    [Test]
    public async Task ACarrierNamedDemoCarrierInTheConfigurationIsUsedInsteadOfTheBuiltInOne()
    {
        string config = Path.Combine(_dir, "softswitch.json");
        await File.WriteAllTextAsync(config, """
            {"simulation":{"carriers":[{"name":"demo-carrier","answerPercent":0,"busyPercent":100}]}}
            """);
        await using var host = await Switch.StartAsync(_dir, "--config", config);
        var carrier = host.Carriers.Find("demo-carrier")!;
        Assert.That(carrier.Definition.BusyPercent, Is.EqualTo(100));
        Assert.That((await host.RoutingGatewaysAsync()).Single().GetProperty("signalPort").GetInt32(), Is.EqualTo(carrier.Port));
    }

    /// <summary>The switch on ephemeral loopback ports over the database in the test's directory.</summary>
    private sealed class Switch : IAsyncDisposable
    {
        private readonly WebApplication _app;
        private readonly HttpClient _http = new();
        private Uri _base = null!;

        private Switch(WebApplication app) => _app = app;

        public Softswitch.Sip.Simulation.SimulatedCarrierSet Carriers =>
            _app.Services.GetRequiredService<SimulationRuntime>().Carriers!;

        public static async Task<Switch> StartAsync(string dir, params string[] extra)
        {
            var host = new Switch(SoftswitchApp.Build(
            [
                "--sip-port", "0", "--http-port", "0", "--bind", "127.0.0.1",
                "--db", Path.Combine(dir, "softswitch.db"), .. extra,
            ]));
            await host._app.StartAsync();
            host._base = new Uri(host._app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
            return host;
        }

        public int DemoCarrierPort() => Carriers.Find("demo-carrier")!.Port;

        public async Task<JsonElement> PostAsync(string path, string body)
        {
            using var content = new StringContent(body, Encoding.UTF8, "application/json");
            using var response = await _http.PostAsync(new Uri(_base, "/external/" + path), content);
            return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
        }

        public async Task<JsonElement[]> RoutingGatewaysAsync()
        {
            var answer = await PostAsync("server/GetGatewayRouting", "{}");
            Assert.That(answer.GetProperty("retCode").GetInt32(), Is.Zero, answer.ToString());
            return answer.GetProperty("infoGatewayRoutings").EnumerateArray().ToArray();
        }

        public async ValueTask DisposeAsync()
        {
            _http.Dispose();
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
    }
}
