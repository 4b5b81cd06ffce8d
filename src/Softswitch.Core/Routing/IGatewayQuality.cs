namespace Softswitch.Core.Routing;

/// <summary>
/// Live quality of routing gateways for firstRoutePolicy / secondRoutePolicy 1 (接通率, vos-routing §2). Whoever
/// keeps gateway statistics implements it; must answer without blocking or allocating.
/// </summary>
public interface IGatewayQuality
{
    /// <summary>The gateway's counters; zeroes for one never tried.</summary>
    GatewayQuality Read(long gatewayId);
}
