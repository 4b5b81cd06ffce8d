using Microsoft.Extensions.DependencyInjection.Extensions;
using Softswitch.Api.Vos;
using Softswitch.Core.Accounts;
using Softswitch.Core.Management;
using Softswitch.Core.Phones;
using Softswitch.Core.Registrations;
using Softswitch.Core.Store;

namespace Softswitch.Api.Composition;

/// <summary>Registers the Core domain (store, in-memory directory, services) for the host.</summary>
public static class SoftswitchCoreServiceCollectionExtensions
{
    /// <summary>
    /// Registers the SQLite store at <paramref name="databasePath"/> (schema migrated on first use), the shared
    /// <see cref="DirectoryState"/>, <see cref="CustomerService"/>, <see cref="PhoneService"/> (also as
    /// <see cref="IPhoneDirectory"/>), the VOS3000 interface options, and a hosted service that loads memory from
    /// the store at start-up. <see cref="TimeProvider"/> and <see cref="RegistrationTable"/> are added only if the
    /// host has not registered its own.
    /// </summary>
    public static IServiceCollection AddSoftswitchCore(this IServiceCollection services, string databasePath)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(databasePath);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<RegistrationTable>();
        services.AddSingleton(_ => new SqliteSoftswitchStore(databasePath));
        services.AddSingleton<ICustomerStore>(sp => sp.GetRequiredService<SqliteSoftswitchStore>());
        services.AddSingleton<IPhoneStore>(sp => sp.GetRequiredService<SqliteSoftswitchStore>());
        services.AddSingleton<DirectoryState>();
        services.AddSingleton<CustomerService>();
        services.AddSingleton<PhoneService>();
        services.AddSingleton<IPhoneDirectory>(sp => sp.GetRequiredService<PhoneService>());
        services.AddOptions<VosApiOptions>();
        services.AddHostedService<SoftswitchCoreLoader>();
        services.AddSoftswitchCalls();
        services.AddSoftswitchGatewaysAndNumbers();
        services.AddSoftswitchPushes();
        services.AddSoftswitchSystem();
        services.AddSoftswitchBilling();
        return services;
    }
}
