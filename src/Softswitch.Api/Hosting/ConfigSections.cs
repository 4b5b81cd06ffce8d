using Softswitch.Api.Composition;
using Softswitch.Api.Vos;
using Softswitch.Api.Vos.Access;
using Softswitch.Core.Cdrs;
using Softswitch.Core.Gateways;
using Softswitch.Core.Pushes;
using Softswitch.Core.Routing;
using Softswitch.Sip.B2bua;
using Softswitch.Sip.Media;
using Softswitch.Sip.Overload;
using Softswitch.Sip.Registrar;
using Softswitch.Sip.Security;
using Softswitch.Sip.Simulation;
using Softswitch.Sip.Trunks;
using Softswitch.Sip.Transactions;
using Softswitch.Sip.Transport;

namespace Softswitch.Api.Hosting;

/// <summary>
/// Every section of conf/softswitch.json and the options class it binds into. The host registers exactly these
/// (<see cref="AddSoftswitchOptions"/>), an unknown key stops the start (<see cref="UnknownKeys"/>), and
/// docs/configuration.md is generated from them (<see cref="ConfigurationDocs"/>).
/// </summary>
public static class ConfigSections
{
    /// <summary>Sections the framework reads itself; their keys are not checked.</summary>
    public static readonly IReadOnlyList<string> FrameworkSections = ["Logging"];

    public static readonly IReadOnlyList<ConfigSection> All =
    [
        ConfigSection.Of<SipTransportOptions, SipTransportOptionsValidator>(SipTransportOptions.Section),
        ConfigSection.Of<SipTimerOptions, SipTimerOptionsValidator>(SipTimerOptions.Section),
        ConfigSection.Of<UnauthenticatedLimitOptions, UnauthenticatedLimitOptionsValidator>(UnauthenticatedLimitOptions.Section),
        ConfigSection.Of<OverloadOptions, OverloadOptionsValidator>(OverloadOptions.Section),
        ConfigSection.Of<RegistrarOptions, RegistrarOptionsValidator>(RegistrarOptions.Section),
        ConfigSection.Of<AuthOptions, AuthOptionsValidator>(AuthOptions.Section),
        ConfigSection.Of<B2buaOptions, B2buaOptionsValidator>(B2buaOptions.Section),
        ConfigSection.Of<RtpRelayOptions, RtpRelayOptionsValidator>(RtpRelayOptions.Section),
        ConfigSection.Of<HttpOptions, HttpOptionsValidator>(HttpOptions.Section),
        ConfigSection.Of<VosApiOptions, VosApiOptionsValidator>(VosApiOptions.Section),
        ConfigSection.Of<DatabaseOptions, DatabaseOptionsValidator>(DatabaseOptions.Section),
        ConfigSection.Of<DemoOptions>(DemoOptions.Section),
        ConfigSection.Of<CdrQueueOptions>(CdrQueueOptions.Section),
        ConfigSection.Of<GatewayStatisticsOptions>(GatewayStatisticsOptions.Section),
        ConfigSection.Of<PushOptions, PushOptionsValidator>(PushOptions.Section),
        ConfigSection.Of<UpstreamRegistrationOptions, UpstreamRegistrationOptionsValidator>(UpstreamRegistrationOptions.Section),
        ConfigSection.Of<SimulationOptions, SimulationOptionsValidator>(SimulationOptions.Section),
        ConfigSection.Of<RoutingOptions, RoutingOptionsValidator>(RoutingOptions.Section),
    ];

    /// <summary>Binds and validates every section once; calling it again adds nothing.</summary>
    public static IServiceCollection AddSoftswitchOptions(this IServiceCollection services)
    {
        if (services.Any(d => d.ServiceType == typeof(Registered)))
        {
            return services;
        }
        services.AddSingleton<Registered>();
        foreach (var section in All)
        {
            section.Register(services);
        }
        return services;
    }

    /// <summary>
    /// Keys the configuration holds that no options class reads (a typo such as "sip.prot" would otherwise be
    /// ignored silently): top-level sections, and the keys directly inside a known section.
    /// </summary>
    public static IEnumerable<string> UnknownKeys(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        foreach (var top in configuration.GetChildren())
        {
            if (FrameworkSections.Contains(top.Key, StringComparer.OrdinalIgnoreCase))
            {
                continue;
            }
            if (!All.Any(s => s.Path.StartsWith(top.Key + ":", StringComparison.OrdinalIgnoreCase) || s.Path.Equals(top.Key, StringComparison.OrdinalIgnoreCase)))
            {
                // A top-level scalar configures nothing and is what other SOFTSWITCH_* variables (SOFTSWITCH_CONFIG,
                // the tests' SOFTSWITCH_UPDATE_DOCS) become; an unknown section is a typo.
                if (top.GetChildren().Any())
                {
                    yield return top.Key;
                }
                continue;
            }
            foreach (string key in UnknownKeysIn(top))
            {
                yield return key;
            }
        }
    }

    private static IEnumerable<string> UnknownKeysIn(IConfigurationSection section)
    {
        var owner = All.FirstOrDefault(s => s.Path.Equals(section.Path, StringComparison.OrdinalIgnoreCase));
        foreach (var child in section.GetChildren())
        {
            string childPath = section.Path + ":" + child.Key;
            bool isProperty = owner is not null && Core.Configuration.OptionRules.Keys(owner.OptionsType)
                .Any(p => p.Name.Equals(child.Key, StringComparison.OrdinalIgnoreCase));
            bool isSubsection = All.Any(s => s.Path.Equals(childPath, StringComparison.OrdinalIgnoreCase));
            if (isSubsection)
            {
                foreach (string key in UnknownKeysIn(child))
                {
                    yield return key;
                }
            }
            else if (!isProperty)
            {
                yield return childPath.Replace(':', '.');
            }
        }
    }

    /// <summary>Marks the options as registered.</summary>
    private sealed class Registered;
}
