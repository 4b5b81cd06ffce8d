using Microsoft.Extensions.Options;
using Softswitch.Api.Hosting;
using Softswitch.Api.Endpoints.Simulation;
using Softswitch.Core.Gateways;
using Softswitch.Sip.Simulation;
using Softswitch.Sip.Trunks;

namespace Softswitch.Api.Composition;

/// <summary>
/// Runs, over the started SIP engine, the trust of trunk addresses by the unauthenticated-request limit, the upstream
/// registrations of registerType 2 routing gateways (both fed by the live gateway table, so API changes apply without
/// a restart) and the simulated carriers of the configuration.
/// Stops before the engine: bindings are removed (Expires: 0) while the transports are still open.
/// </summary>
public sealed class TrunkHostedService(
    SipHostedService sip,
    GatewayState gateways,
    GatewayPresence presence,
    SimulationRuntime simulation,
    IOptions<UpstreamRegistrationOptions> registration,
    IOptions<SimulationOptions> carriers,
    TimeProvider time,
    ILoggerFactory loggers) : IHostedService
{
    private UpstreamRegistrar? _upstream;

    public UpstreamRegistrar Upstream => _upstream ?? throw new InvalidOperationException("trunks are not started");

    public Task StartAsync(CancellationToken cancellationToken)
    {
        var engine = sip.Engine;
        // Trunks are known peers: their addresses are not rate-limited as strangers (docs/hardening.md).
        engine.Unauthenticated.Trust(gateways.IsKnownTrunkAddress);
        _upstream = new UpstreamRegistrar(engine.Transactions, () => gateways.RoutingGateways, presence, registration.Value, time,
            loggers.CreateLogger<UpstreamRegistrar>());
        _upstream.Start();
        var set = SimulatedCarrierSet.ForEngine(engine, time, loggers);
        foreach (var definition in carriers.Value.Carriers)
        {
            // Validated at start-up already; a port taken since is a start failure naming the carrier.
            if (set.Create(definition).Refusal is { } refusal)
            {
                throw new InvalidOperationException(
                    $"simulation.carriers '{definition.Name}': {refusal.Field} {refusal.Reason}");
            }
        }
        simulation.Carriers = set;
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (simulation.Carriers is { } set)
        {
            simulation.Carriers = null;
            await set.DisposeAsync();
        }
        if (_upstream is { } upstream)
        {
            await upstream.StopAsync(TimeSpan.FromSeconds(2));
        }
    }
}
