namespace Softswitch.Sip.Auth;

/// <summary>
/// The auth-params of one Digest header, in wire order, with quoted-string escapes already removed.
/// Names keep their original spelling; lookups are case-insensitive (RFC 7235 §2.1).
/// </summary>
public sealed class DigestParameters
{
    private readonly List<KeyValuePair<string, string>> _items;

    internal DigestParameters(List<KeyValuePair<string, string>> items) => _items = items;

    public IReadOnlyList<KeyValuePair<string, string>> Items => _items;

    public int Count => _items.Count;

    /// <summary>The value of <paramref name="name"/>, or null when absent. Linear scan: the count is capped.</summary>
    public string? this[string name]
    {
        get
        {
            foreach (var item in _items)
            {
                if (string.Equals(item.Key, name, StringComparison.OrdinalIgnoreCase))
                {
                    return item.Value;
                }
            }
            return null;
        }
    }
}
