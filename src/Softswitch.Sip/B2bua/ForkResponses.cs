namespace Softswitch.Sip.B2bua;

/// <summary>Which final response the originator gets when every fork of a request failed (calls and MESSAGEs alike).</summary>
internal static class ForkResponses
{
    /// <summary>
    /// Response selection among the forks (RFC 3261 §16.7 step 6, simplified): a 6xx first, then busy (486), then the
    /// lowest status; 480 when no fork gave a final failure at all.
    /// </summary>
    public static int BestFailure(IEnumerable<int> finalStatuses)
    {
        var statuses = finalStatuses.Where(s => s >= 300).ToList();
        if (statuses.Count == 0)
        {
            return 480;
        }
        return statuses.FirstOrDefault(s => s >= 600) is var global and > 0 ? global
            : statuses.Contains(486) ? 486
            : statuses.Min();
    }
}
