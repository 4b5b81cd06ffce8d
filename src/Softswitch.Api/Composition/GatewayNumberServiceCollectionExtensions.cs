using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Softswitch.Core.Alarms;
using Softswitch.Core.Gateways;
using Softswitch.Core.Numbers;
using Softswitch.Core.Routing;
using Softswitch.Core.Billing;
using Softswitch.Core.Management;
using Softswitch.Core.Registrations;
using Softswitch.Core.Store;
using Softswitch.Sip.B2bua;

namespace Softswitch.Api.Composition;

/// <summary>Registers the gateway and number areas of Core (001_… §3.11-§3.20, §3.36-§3.39, §3.45, §3.52-§3.55, §3.67-§3.92).</summary>
public static class GatewayNumberServiceCollectionExtensions
{
    /// <summary>
    /// Registers their stores over the shared SQLite file, the in-memory <see cref="GatewayState"/> and
    /// <see cref="NumberState"/> the engine routes with, <see cref="GatewayPresence"/> (added only if the host has
    /// not registered its own), the <see cref="GatewayRegistrations"/> of registerType 1 gateways, the live
    /// <see cref="GatewayStatistics"/> (also as the routing load and quality) and the online list built from both,
    /// the ASR/ACD alarms judged from them on a timer, their services, and a hosted service that loads both states at
    /// start-up.
    /// </summary>
    public static IServiceCollection AddSoftswitchGatewaysAndNumbers(this IServiceCollection services)
    {
        services.TryAddSingleton<GatewayPresence>();
        services.AddSingleton(sp => new GatewayStatistics(Statistics(sp), sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<IGatewayLoad>(sp => sp.GetRequiredService<GatewayStatistics>());
        services.AddSingleton<IGatewayQuality>(sp => sp.GetRequiredService<GatewayStatistics>());
        services.AddSingleton(sp => new GatewayQualityAlarms(sp.GetRequiredService<GatewayStatistics>(), sp.GetRequiredService<GatewayState>(),
            sp.GetRequiredService<AlarmService>(), Statistics(sp)));
        services.AddHostedService<GatewayAlarmHostedService>();
        services.AddSingleton(sp => new GatewayOnlineList(sp.GetRequiredService<GatewayState>(), sp.GetRequiredService<GatewayPresence>(),
            sp.GetRequiredService<GatewayStatistics>(), Statistics(sp), sp.GetRequiredService<TimeProvider>()));
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
        services.AddSingleton<CallerNumberPool>();
        services.AddSingleton(sp => new IllegalCallAlarms(sp.GetRequiredService<AlarmService>(), sp.GetRequiredService<TimeProvider>()));
        // The router counts the B2BUA's live calls for the line limits, so the SIP engine makes it (CallRouting).
        services.AddSingleton(sp => new CallRouting(
            live => new CallRouter(sp.GetRequiredService<GatewayState>(), sp.GetRequiredService<NumberState>(),
                sp.GetRequiredService<DirectoryState>(), sp.GetRequiredService<RatingService>(),
                sp.GetRequiredService<RegistrationTable>(), sp.GetRequiredService<GatewayPresence>(), live,
                sp.GetRequiredService<IGatewayLoad>(), sp.GetRequiredService<IGatewayQuality>(),
                sp.GetRequiredService<CallerNumberPool>(), sp.GetRequiredService<IOptions<RoutingOptions>>().Value,
                sp.GetRequiredService<TimeProvider>()),
            sp.GetRequiredService<GatewayState>(),
            sp.GetRequiredService<GatewayStatistics>(),
            sp.GetRequiredService<IllegalCallAlarms>()));
        return services;
    }

    private static GatewayStatisticsOptions Statistics(IServiceProvider services) =>
        services.GetRequiredService<IOptions<GatewayStatisticsOptions>>().Value;
}
