namespace Softswitch.Core.Alarms;

/// <summary>
/// The switch's own alarm types this code raises, from the manual's type table (001_… §3.88 InfoAlarmCurrent.type),
/// with the manual's label. A CreateAlarm (§3.85) whose name is one of these types — the number ("20000") or the
/// label ("落地网关 ASR") — defines that monitor's thresholds instead of raising an alarm (docs/gateway-statistics.md).
/// </summary>
public static class AlarmTypes
{
    /// <summary>20000 落地网关 ASR: a routing gateway's answer-seizure ratio.</summary>
    public const int RoutingGatewayAsr = 20000;

    /// <summary>20001 落地网关 ACD: a routing gateway's average call duration.</summary>
    public const int RoutingGatewayAcd = 20001;

    /// <summary>20013 对接网关 ASR: a mapping gateway's answer-seizure ratio.</summary>
    public const int MappingGatewayAsr = 20013;

    /// <summary>20014 对接网关 ACD: a mapping gateway's average call duration.</summary>
    public const int MappingGatewayAcd = 20014;

    /// <summary>20020 非法呼叫: an INVITE from a source that is no known trunk or phone and did not authenticate. Not a
    /// threshold monitor: each alarm names its source ("非法呼叫 192.0.2.7"), so it is not in the label table.</summary>
    public const int IllegalCall = 20020;

    private static readonly Dictionary<int, string> Labels = new()
    {
        [RoutingGatewayAsr] = "落地网关 ASR",
        [RoutingGatewayAcd] = "落地网关 ACD",
        [MappingGatewayAsr] = "对接网关 ASR",
        [MappingGatewayAcd] = "对接网关 ACD",
    };

    /// <summary>The manual's label of a type this code knows ("落地网关 ASR"); the number as text otherwise.</summary>
    public static string Label(int type) => Labels.TryGetValue(type, out string? label) ? label : type.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The monitor whose thresholds a CreateAlarm of this name defines, or null for an ordinary alarm.</summary>
    public static int? ThresholdType(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return null;
        }
        string trimmed = name.Trim();
        foreach (var (type, label) in Labels)
        {
            if (trimmed == label || trimmed == type.ToString(System.Globalization.CultureInfo.InvariantCulture))
            {
                return type;
            }
        }
        return null;
    }

    /// <summary>A stored alarm that is a threshold definition (never a current alarm).</summary>
    public static bool IsThreshold(Alarm alarm) => ThresholdType(alarm.Name) == alarm.Type && alarm.Type != Alarm.ExternalType;
}
