using Microsoft.Extensions.Options;
using Softswitch.Api.Endpoints.Simulation;
using Softswitch.Core.Gateways;
using Softswitch.Sip.Simulation;

namespace Softswitch.Api.Hosting;

/// <summary>
/// With the demo on, starts the demo carrier (a simulated carrier on a free loopback port that answers after a
/// second and echoes RTP) and points the demo routing gateway (prefix 9, the 9 stripped) at it, creating the gateway
/// when it is missing (docs/simulation.md "The demo carrier"). A carrier named demo-carrier in simulation.carriers is
/// used instead of the built-in one, so its port and behaviour can be fixed in configuration. Runs after the
/// simulated carriers are started and before the banner.
/// </summary>
public sealed partial class DemoCarrierSeeder(
    IOptions<DemoOptions> options,
    SimulationRuntime simulation,
    RoutingGatewayService routing,
    DemoCredentials credentials,
    ILogger<DemoCarrierSeeder> logger) : IHostedService
{
    /// <summary>The built-in demo carrier: every call answered after 1 s, RTP echoed, held until the caller hangs up.</summary>
    public static SimulatedCarrierDefinition Definition() => new()
    {
        Name = DemoCarrierGateway.Name,
        BindAddress = "127.0.0.1",
        Port = 0,
        AnswerPercent = 100,
        AnswerDelayMilliseconds = 1000,
        Media = "echo",
    };

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!options.Value.Enabled)
        {
            return;
        }
        var carriers = simulation.Carriers ?? throw new InvalidOperationException("the simulated carriers are not started");
        var carrier = carriers.Find(DemoCarrierGateway.Name) ?? Start(carriers);
        string ip = carrier.LocalEndPoint.Address.ToString();
        var change = await DemoCarrierGateway.EnsureAsync(routing, ip, carrier.Port, cancellationToken);
        credentials.Carrier = (routing.Find(DemoCarrierGateway.Name)!, carrier.LocalEndPoint);
        LogDemoCarrier(DemoCarrierGateway.Name, ip, carrier.Port, change);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private static SimulatedCarrier Start(SimulatedCarrierSet carriers)
    {
        var (carrier, refusal) = carriers.Create(Definition());
        return carrier ?? throw new StartupFaultException(
            $"demo carrier {DemoCarrierGateway.Name}: {refusal!.Field} {refusal.Reason} (--no-demo starts without it)");
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Demo carrier {Name} listens on {Ip}:{Port}; its routing gateway: {Change}")]
    private partial void LogDemoCarrier(string name, string ip, int port, DemoCarrierGatewayChange change);
}
