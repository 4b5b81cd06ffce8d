using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Softswitch.Api.Hosting;
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
    /// Registers every configuration section (<see cref="ConfigSections"/>, bound once and validated at start), the
    /// SQLite store at <paramref name="databasePath"/> or, without one, at database.path (schema migrated on first
    /// use, its folder created), the shared
    /// <see cref="DirectoryState"/>, <see cref="CustomerService"/>, <see cref="PhoneService"/> (also as
    /// <see cref="IPhoneDirectory"/>), the VOS3000 interface options, a hosted service that loads memory from
    /// the store at start-up, and the persistence of registrations (restored at start, written behind the SIP path). <see cref="TimeProvider"/> and <see cref="RegistrationTable"/> are added only if the
    /// host has not registered its own.
    /// </summary>
    public static IServiceCollection AddSoftswitchCore(this IServiceCollection services, string? databasePath = null)
    {
        services.AddSoftswitchOptions();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<RegistrationTable>();
        services.AddSingleton(sp => new SqliteSoftswitchStore(databasePath ?? CreateFolderOf(sp.GetRequiredService<IOptions<DatabaseOptions>>().Value)));
        services.AddSingleton<ICustomerStore>(sp => sp.GetRequiredService<SqliteSoftswitchStore>());
        services.AddSingleton<IPhoneStore>(sp => sp.GetRequiredService<SqliteSoftswitchStore>());
        services.AddSingleton<DirectoryState>();
        services.AddSingleton<CustomerService>();
        services.AddSingleton<PhoneService>();
        services.AddSingleton<IPhoneDirectory>(sp => sp.GetRequiredService<PhoneService>());
        services.AddHostedService<SoftswitchCoreLoader>();
        services.AddSoftswitchCalls();
        services.AddSoftswitchGatewaysAndNumbers();
        services.AddSoftswitchRegistrations();
        services.AddSoftswitchPushes();
        services.AddSoftswitchSystem();
        services.AddSoftswitchBilling();
        return services;
    }

    private static string CreateFolderOf(DatabaseOptions database)
    {
        string path = database.FullPath;
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new StartupFaultException($"database.path: cannot create the folder of '{path}': {e.Message}", e);
        }
        return path;
    }
}
