using Softswitch.Core.Billing;
using Softswitch.Core.Store;

namespace Softswitch.Api.Composition;

/// <summary>Fills the billing tables from the store at start-up, before requests or calls need a rate.</summary>
internal sealed class BillingLoader(SqliteSoftswitchStore store, BillingState billing) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await store.MigrateAsync(cancellationToken);
        await billing.LoadAsync(cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
