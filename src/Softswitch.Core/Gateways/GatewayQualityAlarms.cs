using Softswitch.Core.Alarms;

namespace Softswitch.Core.Gateways;

/// <summary>
/// Raises and clears the gateway quality alarms (001_… §3.88 types 20000 落地网关 ASR, 20001 落地网关 ACD,
/// 20013 对接网关 ASR, 20014 对接网关 ACD) from the live <see cref="GatewayStatistics"/>, against the thresholds
/// defined through CreateAlarm (<see cref="AlarmService.ThresholdAsync"/>). Run off the call path, every
/// <see cref="GatewayStatisticsOptions.AlarmInterval"/>. Per gateway and type: a figure outside [lower, upper], with
/// enough calls in the window to judge, raises one alarm; it stays current (however many calls follow) until the
/// figure is back inside by the clear margin, which stops it and re-arms the monitor. Alarms current at start-up are
/// taken over, so a restart neither repeats nor strands them. Docs: docs/gateway-statistics.md.
/// </summary>
public sealed class GatewayQualityAlarms : IDisposable
{
    private readonly GatewayStatistics _statistics;
    private readonly GatewayState _gateways;
    private readonly AlarmService _alarms;
    private readonly GatewayStatisticsOptions _options;
    private readonly Dictionary<(int Type, long GatewayId), long> _raised = [];
    private readonly SemaphoreSlim _gate = new(1, 1);
    private bool _adopted;

    public GatewayQualityAlarms(GatewayStatistics statistics, GatewayState gateways, AlarmService alarms, GatewayStatisticsOptions options)
    {
        _statistics = statistics;
        _gateways = gateways;
        _alarms = alarms;
        _options = options;
    }

    /// <summary>One pass over every gateway with statistics and every alarm this monitor holds.</summary>
    public async Task<GatewayAlarmPass> EvaluateAsync(CancellationToken cancellationToken = default)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            var names = new Dictionary<GatewayKind, Dictionary<long, string>>
            {
                [GatewayKind.Mapping] = _gateways.MappingGateways.ToDictionary(g => g.Id, g => g.Name),
                [GatewayKind.Routing] = _gateways.RoutingGateways.ToDictionary(g => g.Id, g => g.Name),
            };
            int cleared = await AdoptAsync(names, cancellationToken);
            int raised = 0;
            foreach (var monitor in GatewayQualityMonitor.All)
            {
                var threshold = await _alarms.ThresholdAsync(monitor.Type, cancellationToken);
                var known = names[monitor.Kind];
                foreach (var snapshot in _statistics.Snapshots(monitor.Kind))
                {
                    if (!known.TryGetValue(snapshot.Id, out string? name))
                    {
                        _statistics.Forget(monitor.Kind, snapshot.Id);
                        continue;
                    }
                    switch (await JudgeAsync(monitor, threshold, snapshot with { Name = name }, cancellationToken))
                    {
                        case true:
                            raised++;
                            break;
                        case false:
                            cleared++;
                            break;
                    }
                }
                // Alarms of gateways deleted since, or of a monitor switched off, have nothing left to judge them.
                foreach (var key in _raised.Keys.Where(k => k.Type == monitor.Type && (threshold is null || !known.ContainsKey(k.GatewayId))).ToArray())
                {
                    cleared += await ClearAsync(key, cancellationToken) ? 1 : 0;
                }
            }
            return new GatewayAlarmPass(raised, cleared);
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose() => _gate.Dispose();

    /// <summary>true: raised; false: cleared; null: unchanged.</summary>
    private async Task<bool?> JudgeAsync(GatewayQualityMonitor monitor, Alarm? threshold, GatewayStatisticsSnapshot snapshot,
        CancellationToken cancellationToken)
    {
        var key = (monitor.Type, snapshot.Id);
        bool isRaised = _raised.ContainsKey(key);
        var (value, enough) = monitor.Figure(snapshot.Window, _options);
        if (threshold is null || value is not { } v || !enough)
        {
            return null;
        }
        double margin = _options.AlarmClearMarginPercent / 100;
        bool outside = v < threshold.Lower || v > threshold.Upper;
        bool recovered = !(v < threshold.Lower + (Math.Abs(threshold.Lower ?? 0) * margin))
            && !(v > threshold.Upper - (Math.Abs(threshold.Upper ?? 0) * margin));
        if (!isRaised && outside)
        {
            var alarm = await _alarms.RaiseAsync(new Alarm
            {
                Type = monitor.Type,
                Level = threshold.Level,
                Name = monitor.AlarmName(snapshot.Name),
                Value = v,
                Lower = threshold.Lower,
                Upper = threshold.Upper,
                Memo = monitor.Describe(snapshot.Name, v, snapshot.Window, _options.Window),
            }, cancellationToken);
            _raised[key] = alarm.Id;
            return true;
        }
        return isRaised && recovered && await ClearAsync(key, cancellationToken) ? false : null;
    }

    private async Task<bool> ClearAsync((int Type, long GatewayId) key, CancellationToken cancellationToken)
    {
        if (!_raised.Remove(key, out long id))
        {
            return false;
        }
        return await _alarms.StopAsync(id, cancellationToken);
    }

    /// <summary>Once: takes over this monitor's alarms still current from a previous run; stops those of gateways gone.</summary>
    private async Task<int> AdoptAsync(Dictionary<GatewayKind, Dictionary<long, string>> names, CancellationToken cancellationToken)
    {
        if (_adopted)
        {
            return 0;
        }
        int stopped = 0;
        foreach (var alarm in await _alarms.CurrentAsync(cancellationToken))
        {
            foreach (var monitor in GatewayQualityMonitor.All)
            {
                if (monitor.GatewayOf(alarm) is not { } gateway)
                {
                    continue;
                }
                long? id = names[monitor.Kind].Where(n => n.Value == gateway).Select(n => (long?)n.Key).FirstOrDefault();
                if (id is { } known && _raised.TryAdd((monitor.Type, known), alarm.Id))
                {
                    continue;
                }
                stopped += await _alarms.StopAsync(alarm.Id, cancellationToken) ? 1 : 0;
            }
        }
        _adopted = true;
        return stopped;
    }
}
