using Softswitch.Core.Billing;
using Softswitch.Core.Store;

namespace Softswitch.Api.Composition;

/// <summary>Registers the billing area of Core (001_… §3.22-§3.35, §3.40-§3.50, §3.58-§3.64, §3.84).</summary>
public static class BillingServiceCollectionExtensions
{
    /// <summary>
    /// Registers the billing store over the shared SQLite file, the in-memory <see cref="BillingState"/> (rate tables
    /// the engine rates with), <see cref="RatingService"/> and the billing services, and a hosted service that loads
    /// the state at start-up. Needs AddSoftswitchCore's store, directory, gateway and number states.
    /// </summary>
    public static IServiceCollection AddSoftswitchBilling(this IServiceCollection services)
    {
        services.AddSingleton<IBillingStore>(sp => new SqliteBillingStore(sp.GetRequiredService<SqliteSoftswitchStore>()));
        services.AddSingleton<BillingState>();
        services.AddSingleton<RatingService>();
        services.AddSingleton<CallBilling>();
        services.AddSingleton<FeeRateService>();
        services.AddSingleton<PaymentService>();
        services.AddSingleton<AvailableTimeService>();
        services.AddSingleton<FeeReportService>();
        services.AddSingleton<SuiteService>();
        services.AddSingleton<SuiteOrderService>();
        services.AddSingleton<ActivePhoneCardService>();
        services.AddSingleton<PhoneCardService>();
        services.AddHostedService<BillingLoader>();
        services.AddSingleton<PrepaidMonitor>();
        services.AddHostedService<PrepaidMonitorHostedService>();
        return services;
    }
}
