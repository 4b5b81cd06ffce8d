using Softswitch.Core.Gateways;
using Softswitch.Core.Numbers;
using Softswitch.Core.Store;

namespace Softswitch.Api.Composition;

/// <summary>Fills the gateway and number tables from the store at start-up, before requests or SIP traffic need them.</summary>
internal sealed class GatewayNumberLoader(SqliteSoftswitchStore store, GatewayState gateways, NumberState numbers) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await store.MigrateAsync(cancellationToken);
        await gateways.LoadAsync(cancellationToken);
        await numbers.LoadAsync(cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
