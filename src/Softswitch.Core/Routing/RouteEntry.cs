using Softswitch.Core.Gateways;

namespace Softswitch.Core.Routing;

/// <summary>A routing gateway listed under one prefix of <see cref="RoutingIndex"/>, with its ordering fields.</summary>
public readonly record struct RouteEntry(RoutingGateway Gateway)
{
    public long Id => Gateway.Id;

    public int Priority => Gateway.Priority;

    /// <summary>线路上限; 0 means no limit (as for phones' lineCapacity).</summary>
    public int Capacity => Gateway.Capacity;

    public bool Continuation => Gateway.PrefixStyle == GatewayPrefixStyle.Continuing;
}
