using Softswitch.Core.Management;
using Softswitch.Core.Store;

namespace Softswitch.Api.Composition;

/// <summary>
/// Creates or upgrades the schema, then fills the in-memory directory from the store when the host starts, before
/// requests or SIP traffic need it. Both steps are idempotent.
/// </summary>
internal sealed class SoftswitchCoreLoader(SqliteSoftswitchStore store, DirectoryState state) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await store.MigrateAsync(cancellationToken);
        await state.LoadAsync(cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
