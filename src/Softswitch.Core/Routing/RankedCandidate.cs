namespace Softswitch.Core.Routing;

/// <summary>
/// A candidate with the keys the routing policies order by (vos-routing §2): per-second cost (null when the gateway
/// has no rate: it goes after every priced one) and ASR in per mille (1000 while too few attempts were seen).
/// </summary>
internal readonly record struct RankedCandidate(RouteCandidate Candidate, decimal? CostPerSecond, int AsrPerMille)
{
    /// <summary>Priority first, then policy <paramref name="first"/> and <paramref name="second"/> (1 ASR high first, 2 cost low first, 0 nothing), then load, carried, id.</summary>
    public static int Compare(in RankedCandidate a, in RankedCandidate b, int first, int second)
    {
        int order = a.Candidate.Priority.CompareTo(b.Candidate.Priority);
        if (order == 0)
        {
            order = ByPolicy(a, b, first);
        }
        if (order == 0)
        {
            order = ByPolicy(a, b, second);
        }
        return order != 0 ? order : RouteCandidate.CompareRouteOrder(a.Candidate, b.Candidate);
    }

    private static int ByPolicy(in RankedCandidate a, in RankedCandidate b, int policy) => policy switch
    {
        1 => b.AsrPerMille.CompareTo(a.AsrPerMille),
        2 => (a.CostPerSecond ?? decimal.MaxValue).CompareTo(b.CostPerSecond ?? decimal.MaxValue),
        _ => 0,
    };

    /// <summary>A comparer for span sorting without allocating.</summary>
    public readonly struct Comparer(int first, int second) : IComparer<RankedCandidate>
    {
        public int Compare(RankedCandidate x, RankedCandidate y) => RankedCandidate.Compare(x, y, first, second);
    }
}
