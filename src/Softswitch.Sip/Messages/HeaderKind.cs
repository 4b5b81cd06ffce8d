using System.Text;

namespace Softswitch.Sip.Messages;

/// <summary>Header fields the engine reads or writes. Compact forms (RFC 3261 §7.3.3) map to the same kind.</summary>
public enum HeaderKind : byte
{
    Other,
    Via,
    From,
    To,
    CallId,
    CSeq,
    Contact,
    ContentLength,
    ContentType,
    ContentEncoding,
    MaxForwards,
    Route,
    RecordRoute,
    Expires,
    MinExpires,
    Authorization,
    ProxyAuthorization,
    WwwAuthenticate,
    ProxyAuthenticate,
    AuthenticationInfo,
    Allow,
    Accept,
    Supported,
    Require,
    ProxyRequire,
    Unsupported,
    UserAgent,
    Server,
    Subject,
    Event,
    AllowEvents,
    ReferTo,
    ReferredBy,
    SessionExpires,
    MinSE,
    Date,
    Timestamp,
    Warning,
    RetryAfter,
    AcceptEncoding,
    AcceptLanguage,
}

public static class HeaderNames
{
    private static readonly string[] Canonical =
    [
        "", "Via", "From", "To", "Call-ID", "CSeq", "Contact", "Content-Length", "Content-Type", "Content-Encoding",
        "Max-Forwards", "Route", "Record-Route", "Expires", "Min-Expires", "Authorization", "Proxy-Authorization",
        "WWW-Authenticate", "Proxy-Authenticate", "Authentication-Info", "Allow", "Accept", "Supported", "Require",
        "Proxy-Require", "Unsupported", "User-Agent", "Server", "Subject", "Event", "Allow-Events", "Refer-To",
        "Referred-By", "Session-Expires", "Min-SE", "Date", "Timestamp", "Warning", "Retry-After", "Accept-Encoding",
        "Accept-Language",
    ];

    private static readonly byte[][] CanonicalUtf8 = Canonical.Select(Encoding.ASCII.GetBytes).ToArray();

    private static readonly Dictionary<string, HeaderKind> ByName = BuildLookup();

    public static string ToText(this HeaderKind kind) => Canonical[(int)kind];

    public static byte[] ToUtf8(this HeaderKind kind) => CanonicalUtf8[(int)kind];


    /// <summary>Header names are case-insensitive (RFC 3261 §7.3.1); single letters are the compact forms.</summary>
    public static HeaderKind Lookup(string name) => ByName.GetValueOrDefault(name);

    /// <summary>
    /// Byte lookup for the parser (Kestrel-style: no string per header name). Names are bucketed by length, so a
    /// lookup is one or two case-insensitive comparisons of a few bytes.
    /// </summary>
    public static HeaderKind Lookup(ReadOnlySpan<byte> name)
    {
        if (name.Length == 1)
        {
            byte c = (byte)(name[0] | 0x20);
            return c is >= (byte)'a' and <= (byte)'z' ? Compact[c - 'a'] : HeaderKind.Other;
        }
        if (name.Length >= ByLength.Length)
        {
            return HeaderKind.Other;
        }
        foreach (HeaderKind kind in ByLength[name.Length])
        {
            if (Ascii.EqualsIgnoreCase(name, CanonicalUtf8[(int)kind]))
            {
                return kind;
            }
        }
        return HeaderKind.Other;
    }

    private static readonly HeaderKind[] Compact = BuildCompact();

    private static readonly HeaderKind[][] ByLength = BuildByLength();

    private static HeaderKind[] BuildCompact()
    {
        var table = new HeaderKind[26];
        foreach (var (name, kind) in ByName)
        {
            if (name.Length == 1)
            {
                table[char.ToLowerInvariant(name[0]) - 'a'] = kind;
            }
        }
        return table;
    }

    private static HeaderKind[][] BuildByLength()
    {
        int max = Canonical.Max(n => n.Length);
        var buckets = new List<HeaderKind>[max + 1];
        for (int i = 1; i < Canonical.Length; i++)
        {
            (buckets[Canonical[i].Length] ??= []).Add((HeaderKind)i);
        }
        return buckets.Select(b => b?.ToArray() ?? []).ToArray();
    }

    private static Dictionary<string, HeaderKind> BuildLookup()
    {
        var map = new Dictionary<string, HeaderKind>(StringComparer.OrdinalIgnoreCase);
        for (int i = 1; i < Canonical.Length; i++)
        {
            map[Canonical[i]] = (HeaderKind)i;
        }
        map["i"] = HeaderKind.CallId;
        map["f"] = HeaderKind.From;
        map["t"] = HeaderKind.To;
        map["v"] = HeaderKind.Via;
        map["m"] = HeaderKind.Contact;
        map["l"] = HeaderKind.ContentLength;
        map["c"] = HeaderKind.ContentType;
        map["k"] = HeaderKind.Supported;
        map["s"] = HeaderKind.Subject;
        map["e"] = HeaderKind.ContentEncoding;
        map["o"] = HeaderKind.Event;
        map["u"] = HeaderKind.AllowEvents;
        map["r"] = HeaderKind.ReferTo;
        map["b"] = HeaderKind.ReferredBy;
        map["x"] = HeaderKind.SessionExpires;
        return map;
    }
}
