using Softswitch.Core.Alarms;
using Softswitch.Core.Ivr;
using Softswitch.Core.IpLimits;
using Softswitch.Core.Store;

namespace Softswitch.Api.Composition;

/// <summary>Registers the media and system area of Core (001_… §3.56, §3.60-§3.61, §3.66, §3.74-§3.78, §3.85-§3.89).</summary>
public static class SystemServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="SqliteSystemStore"/> as <see cref="ISystemStore"/> over the shared SQLite file and the
    /// services that own the alarms, IP blocks, IVR audios and IVR call requests (each loads its table from the
    /// store on first use). Needs <see cref="SqliteSoftswitchStore"/> from AddSoftswitchCore.
    /// </summary>
    public static IServiceCollection AddSoftswitchSystem(this IServiceCollection services)
    {
        services.AddSingleton<ISystemStore>(sp => new SqliteSystemStore(sp.GetRequiredService<SqliteSoftswitchStore>()));
        services.AddSingleton<AlarmService>();
        services.AddSingleton<IpLimitService>();
        services.AddSingleton<IvrAudioService>();
        services.AddSingleton<IvrCallService>();
        return services;
    }
}
