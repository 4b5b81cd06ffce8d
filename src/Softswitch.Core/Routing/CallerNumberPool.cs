namespace Softswitch.Core.Routing;

/// <summary>
/// Caller numbers in use by live attempts, across every routing gateway that draws from a number group
/// (rewriteRulesInCallerUseE164Group, vos-routing §2): a number is used by at most the gateway's
/// rewriteRulesInCallerUseE164Line calls at once (0 = no limit). The least-used number is picked, ties going round
/// the group so the numbers share the traffic. One lock around small counters; leases are short and rare
/// compared with the lock's cost.
/// </summary>
public sealed class CallerNumberPool
{
    private readonly Dictionary<string, int> _inUse = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();
    private int _rotation;

    /// <summary>Leases a number of <paramref name="numbers"/>, or returns null when each is at <paramref name="maxLines"/>.</summary>
    public CallerLease? TryLease(IReadOnlyList<string> numbers, int maxLines)
    {
        ArgumentNullException.ThrowIfNull(numbers);
        if (numbers.Count == 0)
        {
            return null;
        }
        lock (_lock)
        {
            int start = (int)((uint)_rotation++ % (uint)numbers.Count);
            string? best = null;
            int bestUse = int.MaxValue;
            for (int i = 0; i < numbers.Count; i++)
            {
                string number = numbers[(start + i) % numbers.Count];
                int use = _inUse.GetValueOrDefault(number);
                if ((maxLines <= 0 || use < maxLines) && use < bestUse)
                {
                    best = number;
                    bestUse = use;
                }
            }
            if (best is null)
            {
                return null;
            }
            _inUse[best] = bestUse + 1;
            return new CallerLease(this, best);
        }
    }

    /// <summary>Calls using <paramref name="number"/> now.</summary>
    public int InUse(string number)
    {
        lock (_lock)
        {
            return _inUse.GetValueOrDefault(number);
        }
    }

    internal void Release(string number)
    {
        lock (_lock)
        {
            if (_inUse.TryGetValue(number, out int use))
            {
                if (use <= 1)
                {
                    _inUse.Remove(number);
                }
                else
                {
                    _inUse[number] = use - 1;
                }
            }
        }
    }
}
