using Softswitch.Api.Hosting;
using Softswitch.Api.Endpoints.Simulation;
using Softswitch.Sip.Simulation;
using Softswitch.Sip.Trunks;

namespace Softswitch.Api.Composition;

/// <summary>
/// Registers the SIP user-agent side of trunks: upstream registration of registerType 2 routing gateways
/// ("trunks:registration") and the simulated carriers ("simulation"), both validated at start-up, and the hosted
/// service that runs them over the SIP engine. Call after the SIP engine's hosted service is registered.
/// </summary>
public static class TrunkSimulationServiceCollectionExtensions
{
    public static IServiceCollection AddSoftswitchTrunksAndSimulation(this IServiceCollection services)
    {
        // Their options ("trunks.registration", "simulation") are bound and validated with every other section.
        services.AddSoftswitchOptions();
        services.AddSingleton<SimulationRuntime>();
        services.AddSingleton<TrunkHostedService>();
        services.AddHostedService(sp => sp.GetRequiredService<TrunkHostedService>());
        return services;
    }
}
