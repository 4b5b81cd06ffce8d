using Softswitch.Core.Management;

namespace Softswitch.Api.Composition;

/// <summary>
/// Fills the in-memory directory from the store when the host starts, before requests or SIP traffic need it.
/// Loading is idempotent, so a host that seeds demo data earlier (which loads too) loses nothing.
/// </summary>
internal sealed class SoftswitchCoreLoader(DirectoryState state) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => state.LoadAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
