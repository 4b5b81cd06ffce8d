using System.Collections.Frozen;

namespace Softswitch.Core.Billing;

/// <summary>
/// The rates of one group, ready for rating: an immutable longest-prefix table. A write builds a new table and swaps
/// it in (<see cref="BillingState"/>), so the call path reads without locks and always sees a whole table. Lookup
/// probes the prefixes of the number from the longest stored length down, with span keys: no allocation per call.
/// </summary>
public sealed class FeeRateTable
{
    public static readonly FeeRateTable Empty = new(FrozenDictionary<string, FeeRate>.Empty);

    private readonly FrozenDictionary<string, FeeRate> _byPrefix;
    private readonly FrozenDictionary<string, FeeRate>.AlternateLookup<ReadOnlySpan<char>> _lookup;
    private readonly int _maxLength;

    private FeeRateTable(FrozenDictionary<string, FeeRate> byPrefix)
    {
        _byPrefix = byPrefix;
        _lookup = byPrefix.GetAlternateLookup<ReadOnlySpan<char>>();
        _maxLength = byPrefix.Count == 0 ? 0 : byPrefix.Keys.Max(k => k.Length);
    }

    public int Count => _byPrefix.Count;

    /// <summary>Every rate, ordered by prefix (GetFeeRate answers in this order).</summary>
    public IEnumerable<FeeRate> Rates => _byPrefix.Values.OrderBy(r => r.FeePrefix, StringComparer.Ordinal);

    public static FeeRateTable From(IEnumerable<FeeRate> rates) =>
        new(rates.ToFrozenDictionary(r => r.FeePrefix, StringComparer.Ordinal));

    public FeeRate? Get(string feePrefix) => _byPrefix.GetValueOrDefault(feePrefix);

    /// <summary>
    /// The rate whose feePrefix is the longest prefix of <paramref name="e164"/>, skipping locked rates (a locked
    /// rate falls through to the next shorter prefix); null when none matches.
    /// </summary>
    public FeeRate? Find(ReadOnlySpan<char> e164)
    {
        for (int length = Math.Min(_maxLength, e164.Length); length > 0; length--)
        {
            if (_lookup.TryGetValue(e164[..length], out var rate) && rate.LockType == 0)
            {
                return rate;
            }
        }
        return null;
    }

    /// <summary>A copy with <paramref name="rates"/> added or replaced by prefix.</summary>
    public FeeRateTable With(IEnumerable<FeeRate> rates)
    {
        var all = new Dictionary<string, FeeRate>(_byPrefix, StringComparer.Ordinal);
        foreach (var rate in rates)
        {
            all[rate.FeePrefix] = rate;
        }
        return From(all.Values);
    }

    public FeeRateTable Without(IEnumerable<string> prefixes)
    {
        var all = new Dictionary<string, FeeRate>(_byPrefix, StringComparer.Ordinal);
        foreach (string prefix in prefixes)
        {
            all.Remove(prefix);
        }
        return From(all.Values);
    }
}
