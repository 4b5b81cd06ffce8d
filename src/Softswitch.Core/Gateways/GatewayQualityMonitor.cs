using Softswitch.Core.Alarms;

namespace Softswitch.Core.Gateways;

/// <summary>One of the four ASR/ACD monitors: which alarm type it raises, over which gateways, judging which figure.</summary>
internal sealed record GatewayQualityMonitor(int Type, GatewayKind Kind, bool IsAsr)
{
    public static readonly GatewayQualityMonitor[] All =
    [
        new(AlarmTypes.RoutingGatewayAsr, GatewayKind.Routing, IsAsr: true),
        new(AlarmTypes.RoutingGatewayAcd, GatewayKind.Routing, IsAsr: false),
        new(AlarmTypes.MappingGatewayAsr, GatewayKind.Mapping, IsAsr: true),
        new(AlarmTypes.MappingGatewayAcd, GatewayKind.Mapping, IsAsr: false),
    ];

    /// <summary>"落地网关 ASR out1": the alarm of this monitor about one gateway (one current alarm per gateway and type).</summary>
    public string AlarmName(string gateway) => AlarmTypes.Label(Type) + " " + gateway;

    /// <summary>The gateway a current alarm of this monitor is about, from its name; null for another alarm.</summary>
    public string? GatewayOf(Alarm alarm)
    {
        string prefix = AlarmTypes.Label(Type) + " ";
        return alarm.Type == Type && alarm.Name.StartsWith(prefix, StringComparison.Ordinal) ? alarm.Name[prefix.Length..] : null;
    }

    /// <summary>
    /// The figure judged (ASR in percent, ACD in seconds) and whether the window holds enough calls to judge it:
    /// attempts for ASR, ended answered calls for ACD.
    /// </summary>
    public (double? Value, bool Enough) Figure(GatewayTraffic window, GatewayStatisticsOptions options) => IsAsr
        ? (window.Asr is { } asr ? Math.Round(asr, 2) : null, window.Attempts >= options.AsrMinimumAttempts)
        : (window.Acd is { } acd ? Math.Round(acd.TotalSeconds, 1) : null, window.CallsEnded >= options.AcdMinimumCalls);

    public string Describe(string gateway, double value, GatewayTraffic window, TimeSpan span) => IsAsr
        ? $"{Kind} gateway '{gateway}': ASR {value} % over {window.Attempts} attempts in the last {span}"
        : $"{Kind} gateway '{gateway}': ACD {value} s over {window.CallsEnded} calls in the last {span}";
}
