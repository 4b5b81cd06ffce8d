using Softswitch.Core.Accounts;
using Softswitch.Core.Alarms;
using System.Net;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Softswitch.Core.Calls;
using Softswitch.Core.Phones;
using Softswitch.Core.Pushes;
using Softswitch.Core.Registrations;
using Softswitch.Core.Store;
using Softswitch.Sip.Transport;

namespace Softswitch.Api.Composition;

/// <summary>Registers the outgoing requests of 001_… §4 (called from AddSoftswitchCore).</summary>
public static class PushServiceCollectionExtensions
{
    /// <summary>
    /// Reads <see cref="PushOptions"/> (the "push" section registered by AddSoftswitchCore; push.url empty turns
    /// pushes off), and registers <see cref="PushStats"/>, <see cref="PushQueue"/> as <see cref="IPushPublisher"/>
    /// (what money-change, alarm and IVR code call), <see cref="SqlitePushStore"/>, the HTTP transport, the
    /// <see cref="PushSender"/> as a hosted service, and the PhoneOnline (§4.4) and CallStateReport (§4.5) sources.
    /// Needs <see cref="SqliteSoftswitchStore"/>, <see cref="CallEvents"/>, <see cref="RegistrationTable"/> and
    /// <see cref="IPhoneDirectory"/> from AddSoftswitchCore.
    /// </summary>
    public static IServiceCollection AddSoftswitchPushes(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<PushStats>();
        services.AddSingleton(sp => new PushQueue(
            sp.GetRequiredService<IOptions<PushOptions>>().Value,
            sp.GetRequiredService<PushStats>(),
            sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<IPushPublisher>(sp => sp.GetRequiredService<PushQueue>());
        services.AddSingleton<IPushStore>(sp => new SqlitePushStore(sp.GetRequiredService<SqliteSoftswitchStore>()));
        services.TryAddSingleton<IPushTransport>(sp => new HttpPushTransport(sp.GetRequiredService<IOptions<PushOptions>>().Value));
        services.AddSingleton(sp => new PushSender(
            sp.GetRequiredService<PushQueue>(),
            sp.GetRequiredService<IPushStore>(),
            sp.GetRequiredService<IPushTransport>(),
            sp.GetRequiredService<IOptions<PushOptions>>().Value,
            sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton(sp =>
        {
            var sip = sp.GetRequiredService<IOptions<SipTransportOptions>>().Value;
            return new PhoneOnlinePushSource(
                sp.GetRequiredService<RegistrationTable>(),
                sp.GetRequiredService<IPhoneDirectory>(),
                sp.GetRequiredService<IPushPublisher>(),
                LocalIp(sip),
                sip.Port);
        });
        services.AddSingleton(sp => new CallStatePushSource(
            sp.GetRequiredService<CallEvents>(), sp.GetRequiredService<IPushPublisher>()));
        services.AddSingleton(sp => new MoneyChangePushSource(
            sp.GetRequiredService<CustomerService>(), sp.GetRequiredService<IPushPublisher>()));
        services.AddSingleton(sp => new AlarmPushSource(
            sp.GetRequiredService<AlarmService>(), sp.GetRequiredService<IPushPublisher>()));
        // Registered before the SIP engine (AddSoftswitchCore runs first), so it stops after the B2BUA has ended the
        // calls and stores their Release reports (hosted services stop in reverse order).
        services.AddHostedService<PushSenderHostedService>();
        return services;
    }

    /// <summary>§4.4 localIp: the advertised SIP address, as in Via/Contact (docs/configuration.md sip.advertisedAddress).</summary>
    private static string LocalIp(SipTransportOptions sip)
    {
        if (sip.AdvertisedAddress is { Length: > 0 } advertised)
        {
            return advertised;
        }
        return IPAddress.TryParse(sip.BindAddress, out var bind) && !bind.Equals(IPAddress.Any) && !bind.Equals(IPAddress.IPv6Any)
            ? sip.BindAddress
            : "127.0.0.1";
    }
}
