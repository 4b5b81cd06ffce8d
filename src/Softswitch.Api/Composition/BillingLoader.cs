using Softswitch.Core.Billing;
using Softswitch.Core.Numbers;
using Softswitch.Core.Store;

namespace Softswitch.Api.Composition;

/// <summary>
/// Fills the billing tables from the store at start-up, before requests or calls need a rate, and lets bound numbers
/// (001_… §3.36) resolve their pin to the active phone card's account (§3.32).
/// </summary>
internal sealed class BillingLoader(SqliteSoftswitchStore store, BillingState billing, IServiceProvider services) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await store.MigrateAsync(cancellationToken);
        await billing.LoadAsync(cancellationToken);
        if (services.GetService<BindedE164Service>() is { } binded)
        {
            binded.PinAccounts ??= pin => billing.FindActivePhoneCard(pin)?.Account;
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
