using Softswitch.Core.Registrations;
using Softswitch.Core.Store;

namespace Softswitch.Api.Composition;

/// <summary>Registers the persistence of registrations (phones and registerType 1 gateways) over the shared SQLite file.</summary>
public static class RegistrationServiceCollectionExtensions
{
    /// <summary>How long the writer waits before retrying a batch the store refused (busy, disk full).</summary>
    private static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Registers the store, the write-behind <see cref="RegistrationWriter"/> and the hosted service that restores the
    /// tables at start and drains the writer at stop. Needs <see cref="RegistrationTable"/>,
    /// <see cref="Softswitch.Core.Gateways.GatewayPresence"/> and <see cref="SqliteSoftswitchStore"/>; must be
    /// registered before the SIP engine's hosted service, so it restores first and drains last.
    /// </summary>
    public static IServiceCollection AddSoftswitchRegistrations(this IServiceCollection services)
    {
        services.AddSingleton<IRegistrationStore>(sp => new SqliteRegistrationStore(sp.GetRequiredService<SqliteSoftswitchStore>()));
        services.AddSingleton(sp => new RegistrationWriter(sp.GetRequiredService<IRegistrationStore>(), sp.GetRequiredService<TimeProvider>(), RetryDelay));
        services.AddHostedService<RegistrationPersistenceHostedService>();
        return services;
    }
}
