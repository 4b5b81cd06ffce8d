using Softswitch.Core.Billing;

namespace Softswitch.Api.Composition;

/// <summary>Runs the <see cref="PrepaidMonitor"/> while the host runs (docs/billing.md "Parallel calls").</summary>
internal sealed class PrepaidMonitorHostedService(PrepaidMonitor monitor) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        monitor.Start();
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        monitor.Dispose();
        return Task.CompletedTask;
    }
}
