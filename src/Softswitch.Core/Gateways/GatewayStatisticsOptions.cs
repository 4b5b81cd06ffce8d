using System.ComponentModel.DataAnnotations;

namespace Softswitch.Core.Gateways;

/// <summary>
/// The "gatewayStatistics" section: how the live per-gateway figures are kept (<see cref="GatewayStatistics"/>),
/// when a gateway that carried traffic counts as online, and how the ASR/ACD alarms judge them
/// (docs/gateway-statistics.md).
/// </summary>
public sealed class GatewayStatisticsOptions
{
    public const string Section = "gatewayStatistics";

    /// <summary>
    /// The sliding window of asr, acd and the other ratios: calls that ended within it count. Kept as ten slices,
    /// so the window slides by a tenth of its length.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:10", "1.00:00:00")]
    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>A gateway that carried traffic is online in GetGateway*Online until this long after its last call event.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan OnlineIdle { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How often the ASR/ACD alarms (20000, 20001, 20013, 20014) are evaluated, off the call path.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan AlarmInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Attempts a gateway needs within the window before its ASR is judged.</summary>
    [Range(1, 1_000_000)]
    public int AsrMinimumAttempts { get; set; } = 20;

    /// <summary>Answered calls that ended within the window a gateway needs before its ACD is judged.</summary>
    [Range(1, 1_000_000)]
    public int AcdMinimumCalls { get; set; } = 10;

    /// <summary>
    /// Hysteresis, in percent of the threshold: an alarm raised below `lower` clears only once the figure is back
    /// at lower × (1 + margin/100), so a gateway hovering at the threshold does not raise an alarm per call.
    /// </summary>
    [Range(0.0, 100.0)]
    public double AlarmClearMarginPercent { get; set; } = 10;
}
