namespace Softswitch.Core.Gateways;

/// <summary>One gateway's live statistics at one instant (<see cref="GatewayStatistics.Read"/>).</summary>
/// <param name="Kind">Mapping (calls in) or routing (calls out).</param>
/// <param name="Id">The gateway's row id.</param>
/// <param name="Name">Its name when it last carried a call.</param>
/// <param name="CurrentCalls">Calls on it now: attempts not yet failed and answered calls not yet ended (currentCall).</param>
/// <param name="CallsCarried">Attempts started since the switch started.</param>
/// <param name="LastActivity">When a call event last happened on it; null if never.</param>
/// <param name="Window">Calls that concluded within the sliding window (<see cref="GatewayStatisticsOptions.Window"/>).</param>
/// <param name="Total">Calls that concluded since the switch started.</param>
public sealed record GatewayStatisticsSnapshot(
    GatewayKind Kind,
    long Id,
    string Name,
    int CurrentCalls,
    long CallsCarried,
    DateTimeOffset? LastActivity,
    GatewayTraffic Window,
    GatewayTraffic Total)
{
    /// <summary>A gateway that has carried nothing since start.</summary>
    public static GatewayStatisticsSnapshot None(GatewayKind kind, long id, string name) =>
        new(kind, id, name, 0, 0, null, default, default);
}
