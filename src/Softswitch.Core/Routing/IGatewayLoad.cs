namespace Softswitch.Core.Routing;

/// <summary>
/// Live counters of routing gateways, read while ordering candidates (vos-routing §2: load = current calls ÷
/// capacity, then calls carried). Implementations must answer without allocating and without blocking: this is on
/// the call path.
/// </summary>
public interface IGatewayLoad
{
    /// <summary>The counters of the gateway with row id <paramref name="gatewayId"/>; zeroes for one never used.</summary>
    GatewayLoad Read(long gatewayId);
}
