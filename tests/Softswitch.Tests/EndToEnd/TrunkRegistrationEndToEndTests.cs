using System.Text.Json;
using Softswitch.Tests.EndToEnd.Support;

namespace Softswitch.Tests.EndToEnd;

/// <summary>The switch registering to a carrier (registerType 2 routing gateway) played by a SIPp registrar.</summary>
[NonParallelizable]
[Category("EndToEnd")]
public class TrunkRegistrationEndToEndTests
{
    [Test]
    public async Task SwitchRegistersWithDigestShowsOnlineAndUnregistersOnDelete()
    {
        int carrierPort = SippRunner.FreePort();
        var registrar = SippRunner.StartServerAsync(carrierPort, "registrar_challenge.xml", 1,
            "-key", "user", "trunk-e2e", "-key", "password", "e2e-secret");
        await using var host = await SwitchHost.StartAsync();

        var created = await host.PostAsync("CreateGatewayRouting", new
        {
            name = "trunk-e2e", password = "e2e-secret", registerType = 2, remoteIp = "127.0.0.1", signalPort = carrierPort,
            prefix = "00",
        });
        Assert.That(created.GetProperty("retCode").GetInt32(), Is.Zero, created.ToString());

        JsonElement online = default;
        await WaitForAsync(async () =>
        {
            online = await host.PostAsync("GetGatewayRoutingOnline", new { names = new[] { "trunk-e2e" } });
            return online.GetProperty("infoGatewayRoutingOnlines").GetArrayLength() == 1;
        }, registrar);
        var entry = online.GetProperty("infoGatewayRoutingOnlines")[0];
        Assert.That(entry.GetProperty("registerName").GetString(), Is.EqualTo("trunk-e2e"));
        Assert.That(entry.GetProperty("remoteIp").GetString(), Does.Contain(carrierPort.ToString(System.Globalization.CultureInfo.InvariantCulture)));

        var deleted = await host.PostAsync("DeleteGatewayRouting", new { name = "trunk-e2e" });
        Assert.That(deleted.GetProperty("retCode").GetInt32(), Is.Zero);

        var run = await registrar;
        Assert.That(run.ExitCode, Is.Zero, "SIPp saw 401 answered with a valid digest, then the unregister: " + run.Output + run.Errors);
    }

    /// <summary>Polls <paramref name="condition"/> until it holds; fails early with SIPp's output if SIPp ended first.</summary>
    internal static async Task WaitForAsync(Func<Task<bool>> condition, Task<SippRunner.Result>? sipp = null)
    {
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        while (!await condition())
        {
            if (sipp is { IsCompleted: true })
            {
                var result = await sipp;
                Assert.Fail("SIPp ended early: " + result.Output + result.Errors);
            }
            await Task.Delay(100, deadline.Token);
        }
    }
}
