using Microsoft.Extensions.Options;
using Softswitch.Core.Gateways;

namespace Softswitch.Api.Composition;

/// <summary>
/// Evaluates the gateway ASR/ACD alarms (<see cref="GatewayQualityAlarms"/>) every gatewayStatistics.alarmInterval,
/// on the host's <see cref="TimeProvider"/>, off the call path. A failed pass (the store busy) is logged and the next
/// tick tries again.
/// </summary>
internal sealed class GatewayAlarmHostedService(
    GatewayQualityAlarms alarms,
    IOptions<GatewayStatisticsOptions> options,
    TimeProvider time,
    ILogger<GatewayAlarmHostedService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.AlarmInterval, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    var pass = await alarms.EvaluateAsync(stoppingToken);
                    if (pass.Raised + pass.Cleared > 0)
                    {
                        GatewayAlarmLog.Changed(logger, pass.Raised, pass.Cleared);
                    }
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    GatewayAlarmLog.Failed(logger, e);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping.
        }
    }
}
