using Microsoft.Extensions.Options;
using Softswitch.Core.Pushes;

namespace Softswitch.Api.Composition;

/// <summary>
/// Runs the <see cref="PushSender"/> for the host's lifetime (001_… §4) and attaches the PhoneOnline (§4.4) and
/// CallStateReport (§4.5) sources; reports on stop what was delivered, kept and dropped.
/// </summary>
internal sealed class PushSenderHostedService(
    PushSender sender,
    PushQueue queue,
    IOptions<PushOptions> options,
    IServiceProvider services,
    ILogger<PushSenderHostedService> logger) : IHostedService
{
    private readonly List<IDisposable> _sources = [];

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!queue.Enabled)
        {
            PushLog.Disabled(logger);
            return;
        }
        await sender.StartAsync(cancellationToken);
        PushLog.Started(logger, options.Value.Url, sender.Stats.Pending);
        _sources.Add(services.GetRequiredService<PhoneOnlinePushSource>());
        _sources.Add(services.GetRequiredService<CallStatePushSource>());
        _sources.Add(services.GetRequiredService<MoneyChangePushSource>());
        _sources.Add(services.GetRequiredService<AlarmPushSource>());
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        foreach (var source in _sources)
        {
            source.Dispose();
        }
        _sources.Clear();
        if (!queue.Enabled)
        {
            return;
        }
        await sender.StopAsync(cancellationToken);
        var stats = sender.Stats;
        PushLog.Stopped(logger, stats.Delivered, stats.Pending, stats.Dropped);
        if (sender.LastError is { } error)
        {
            PushLog.StoreFailed(logger, error, stats.StoreFailures);
        }
    }
}
