namespace Softswitch.Core.Routing;

/// <summary>
/// A gateway of one matched prefix with the counters read when the candidates were ordered (vos-routing §2).
/// <see cref="Entry"/> indexes <see cref="RoutingIndex.Entry"/>. Unmanaged, so an ordering can live on the stack.
/// </summary>
public readonly record struct RouteCandidate(int Entry, long GatewayId, int Priority, int CurrentCalls, int Capacity,
    long CallsCarried)
{
    /// <summary>At capacity: the router skips it (vos-routing §2 "Skipped: full capacity").</summary>
    public bool IsFull => Capacity > 0 && CurrentCalls >= Capacity;

    /// <summary>
    /// vos-routing §2: priority (smaller first), then current calls ÷ capacity (less loaded first; a gateway without
    /// a capacity limit counts as unloaded), then calls carried (fewer first), then gateway id. Loads are compared by
    /// cross-multiplication, exact and without floating point.
    /// </summary>
    public static int CompareRouteOrder(RouteCandidate a, RouteCandidate b)
    {
        int order = a.Priority.CompareTo(b.Priority);
        if (order != 0)
        {
            return order;
        }
        long loadA = a.Capacity > 0 ? (long)a.CurrentCalls * Math.Max(b.Capacity, 1) : 0;
        long loadB = b.Capacity > 0 ? (long)b.CurrentCalls * Math.Max(a.Capacity, 1) : 0;
        order = loadA.CompareTo(loadB);
        if (order != 0)
        {
            return order;
        }
        order = a.CallsCarried.CompareTo(b.CallsCarried);
        return order != 0 ? order : a.GatewayId.CompareTo(b.GatewayId);
    }
}
