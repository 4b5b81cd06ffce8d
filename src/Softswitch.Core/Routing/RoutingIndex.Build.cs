using Softswitch.Core.Gateways;

namespace Softswitch.Core.Routing;

public sealed partial class RoutingIndex
{
    /// <summary>
    /// Builds the index from a snapshot of the routing gateways. Runs on the management path (a gateway write), never
    /// on a call: sorts the (prefix, gateway) pairs ordinally, then lays the trie out breadth-first in one pass.
    /// Prefixes are compared ordinally, so routing tags are case-sensitive ('a' is not 'A').
    /// </summary>
    public static RoutingIndex Build(IEnumerable<RoutingGateway> gateways)
    {
        var ordered = gateways.OrderBy(g => g.Id).ThenBy(g => g.Name, StringComparer.Ordinal).ToArray();
        var callee = ordered.Select(g => DialPlan.Parse(g.RewriteRulesInCallee).Plan).ToArray();
        var caller = ordered.Select(g => DialPlan.Parse(g.RewriteRulesInCaller).Plan).ToArray();
        var pairs = new List<(string Prefix, int Gateway)>();
        for (int g = 0; g < ordered.Length; g++)
        {
            var prefixes = GatewayLists.Split(ordered[g].Prefix);
            foreach (string prefix in prefixes.Count == 0 ? [""] : prefixes.Distinct(StringComparer.Ordinal))
            {
                pairs.Add((prefix, g));
            }
        }
        pairs.Sort(static (a, b) =>
        {
            int order = string.CompareOrdinal(a.Prefix, b.Prefix);
            return order != 0 ? order : a.Gateway.CompareTo(b.Gateway);
        });

        // Distinct prefixes (sorted: a prefix comes before its extensions) and where each one's gateways begin.
        var unique = new List<string>();
        var groupStart = new List<int>();
        for (int i = 0; i < pairs.Count; i++)
        {
            if (i == 0 || pairs[i].Prefix != pairs[i - 1].Prefix)
            {
                unique.Add(pairs[i].Prefix);
                groupStart.Add(i);
            }
        }
        groupStart.Add(pairs.Count);

        var childStart = new List<int>();
        var edge = new List<char> { '\0' };
        var entryStart = new List<int>();
        var entries = new List<RouteEntry>(pairs.Count);
        var queue = new List<(int Depth, int Low, int High)> { (0, 0, unique.Count) };
        int maxDepth = 0;
        for (int head = 0; head < queue.Count; head++)
        {
            var (depth, low, high) = queue[head];
            maxDepth = Math.Max(maxDepth, depth);
            entryStart.Add(entries.Count);
            if (low < high && unique[low].Length == depth)
            {
                for (int p = groupStart[low]; p < groupStart[low + 1]; p++)
                {
                    int g = pairs[p].Gateway;
                    entries.Add(new RouteEntry(ordered[g], callee[g], caller[g]));
                }
                low++;
            }
            childStart.Add(edge.Count);
            for (int i = low; i < high;)
            {
                char c = unique[i][depth];
                int j = i + 1;
                while (j < high && unique[j][depth] == c)
                {
                    j++;
                }
                edge.Add(c);
                queue.Add((depth + 1, i, j));
                i = j;
            }
        }
        childStart.Add(edge.Count);
        entryStart.Add(entries.Count);
        return new RoutingIndex([.. childStart], [.. edge], [.. entryStart], [.. entries], unique.Count,
            ordered.Length, maxDepth);
    }
}
