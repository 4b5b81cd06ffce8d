using Softswitch.Core.Gateways;

namespace Softswitch.Core.Routing;

/// <summary>
/// The prefix trie over every routing gateway's comma-separated <c>prefix</c> (001_… §3.16; letters are routing tags,
/// vos-routing §2). Built once per gateway change from an immutable snapshot (<see cref="GatewayState"/> swaps it
/// atomically), then read lock-free by every call: <see cref="Match"/> walks the callee once and
/// <see cref="Order"/> sorts one prefix's gateways; neither allocates.
/// <para>
/// Layout: nodes are numbered breadth-first, so the children of node n are the consecutive nodes
/// <c>_childStart[n] .. _childStart[n + 1]</c>, sorted by the character on their edge (<c>_edge</c>); the gateways
/// listed under the prefix that ends at node n are <c>_entries[_entryStart[n] .. _entryStart[n + 1]]</c>, in
/// gateway id order. A gateway with an empty prefix list sits at the root and matches every callee.
/// </para>
/// </summary>
public sealed partial class RoutingIndex
{
    public static readonly RoutingIndex Empty = Build([]);

    private readonly int[] _childStart;
    private readonly char[] _edge;
    private readonly int[] _entryStart;
    private readonly RouteEntry[] _entries;

    private RoutingIndex(int[] childStart, char[] edge, int[] entryStart, RouteEntry[] entries, int prefixCount,
        int gatewayCount, int maxDepth)
    {
        _childStart = childStart;
        _edge = edge;
        _entryStart = entryStart;
        _entries = entries;
        PrefixCount = prefixCount;
        GatewayCount = gatewayCount;
        MaxMatches = maxDepth + 1;
    }

    /// <summary>Distinct prefixes that hold at least one gateway.</summary>
    public int PrefixCount { get; }

    public int GatewayCount { get; }

    public int NodeCount => _edge.Length;

    /// <summary>The most matches one callee can have (longest prefix + 1): size the span given to <see cref="Match"/>.</summary>
    public int MaxMatches { get; }

    /// <summary>
    /// Writes every prefix that <paramref name="callee"/> starts with and that holds gateways into
    /// <paramref name="matches"/>, longest first, and returns how many: the first is the prefix a terminal gateway
    /// ends the search at, the rest are what continuation gateways fall back to (vos-routing §2 prefixStyle).
    /// <paramref name="matches"/> must hold <see cref="MaxMatches"/> items (or callee length + 1).
    /// </summary>
    public int Match(ReadOnlySpan<char> callee, Span<RoutePrefixMatch> matches)
    {
        if (matches.Length < Math.Min(MaxMatches, callee.Length + 1))
        {
            throw new ArgumentException($"Room for {Math.Min(MaxMatches, callee.Length + 1)} matches is needed.", nameof(matches));
        }
        int count = 0;
        int node = 0;
        for (int depth = 0; ; depth++)
        {
            if (_entryStart[node + 1] > _entryStart[node])
            {
                matches[count++] = new RoutePrefixMatch(depth, node);
            }
            if (depth == callee.Length || (node = Child(node, callee[depth])) < 0)
            {
                break;
            }
        }
        matches[..count].Reverse();
        return count;
    }

    /// <summary>The gateways listed under a matched prefix, in gateway id order.</summary>
    public ReadOnlySpan<RouteEntry> Gateways(RoutePrefixMatch match) =>
        _entries.AsSpan(_entryStart[match.Node], _entryStart[match.Node + 1] - _entryStart[match.Node]);

    /// <summary>The gateway of a candidate returned by <see cref="Order"/>.</summary>
    public ref readonly RouteEntry Entry(int entry) => ref _entries[entry];

    /// <summary>
    /// Decided (docs/dial-plans.md "Routing index"): the search goes on to the next shorter prefix only when every
    /// gateway at this one is in continuation style (延续); one terminal (终结) gateway makes the prefix final.
    /// </summary>
    public bool Continues(RoutePrefixMatch match)
    {
        foreach (var entry in Gateways(match))
        {
            if (!entry.Continuation)
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>
    /// Writes the gateways of <paramref name="match"/> into <paramref name="destination"/> in the order of vos-routing
    /// §2 (<see cref="RouteCandidate.CompareRouteOrder"/>), with their counters read once from
    /// <paramref name="load"/>, and returns how many. Full gateways stay in the list (<see cref="RouteCandidate.IsFull"/>):
    /// skipping is the router's decision. <paramref name="destination"/> must hold the prefix's gateway count.
    /// </summary>
    public int Order(RoutePrefixMatch match, IGatewayLoad load, Span<RouteCandidate> destination)
    {
        int start = _entryStart[match.Node];
        int count = _entryStart[match.Node + 1] - start;
        if (destination.Length < count)
        {
            throw new ArgumentException($"Room for {count} candidates is needed.", nameof(destination));
        }
        for (int i = 0; i < count; i++)
        {
            var gateway = _entries[start + i].Gateway;
            var counters = load.Read(gateway.Id);
            destination[i] = new RouteCandidate(start + i, gateway.Id, gateway.Priority, counters.CurrentCalls,
                gateway.Capacity, counters.CallsCarried);
        }
        destination[..count].Sort(ByRouteOrder);
        return count;
    }

    private static readonly Comparison<RouteCandidate> ByRouteOrder = RouteCandidate.CompareRouteOrder;

    /// <summary>The child of <paramref name="node"/> along <paramref name="c"/>, or -1.</summary>
    private int Child(int node, char c)
    {
        int first = _childStart[node];
        int found = _edge.AsSpan(first, _childStart[node + 1] - first).IndexOf(c);
        return found < 0 ? -1 : first + found;
    }
}
