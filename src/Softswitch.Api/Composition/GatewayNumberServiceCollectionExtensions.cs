using Microsoft.Extensions.DependencyInjection.Extensions;
using Softswitch.Core.Gateways;
using Softswitch.Core.Numbers;
using Softswitch.Core.Store;

namespace Softswitch.Api.Composition;

/// <summary>Registers the gateway and number areas of Core (001_… §3.11-§3.20, §3.36-§3.39, §3.45, §3.52-§3.55, §3.67-§3.92).</summary>
public static class GatewayNumberServiceCollectionExtensions
{
    /// <summary>
    /// Registers their stores over the shared SQLite file, the in-memory <see cref="GatewayState"/> and
    /// <see cref="NumberState"/> the engine routes with, <see cref="GatewayPresence"/> (added only if the host has
    /// not registered its own), the <see cref="GatewayRegistrations"/> of registerType 1 gateways, their services,
    /// and a hosted service that loads both states at start-up.
    /// </summary>
    public static IServiceCollection AddSoftswitchGatewaysAndNumbers(this IServiceCollection services)
    {
        services.TryAddSingleton<GatewayPresence>();
        services.AddSingleton<IGatewayStore>(sp => new SqliteGatewayStore(sp.GetRequiredService<SqliteSoftswitchStore>()));
        services.AddSingleton<INumberStore>(sp => new SqliteNumberStore(sp.GetRequiredService<SqliteSoftswitchStore>()));
        services.AddSingleton<GatewayState>();
        services.AddSingleton<NumberState>();
        services.AddSingleton<GatewayRegistrations>();
        services.AddSingleton<MappingGatewayService>();
        services.AddSingleton<RoutingGatewayService>();
        services.AddSingleton<LimitE164Service>();
        services.AddSingleton<E164ConvertService>();
        services.AddSingleton<MobileAreaService>();
        services.AddSingleton<CustomerPhoneBookService>();
        services.AddSingleton<BindedE164Service>();
        services.AddHostedService<GatewayNumberLoader>();
        return services;
    }
}
