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

    private static readonly Dictionary<string, HeaderKind> ByName = BuildLookup();

    private static readonly Dictionary<string, HeaderKind>.AlternateLookup<ReadOnlySpan<char>> ByNameSpan =
        ByName.GetAlternateLookup<ReadOnlySpan<char>>();

    public static string ToText(this HeaderKind kind) => Canonical[(int)kind];

    public static byte[] ToUtf8(this HeaderKind kind) => CanonicalUtf8[(int)kind];

    private static readonly byte[][] CanonicalUtf8 = Canonical.Select(Encoding.ASCII.GetBytes).ToArray();

    /// <summary>Header names are case-insensitive (RFC 3261 §7.3.1); single letters are the compact forms.</summary>
    public static HeaderKind Lookup(string name) => ByName.GetValueOrDefault(name);

    public static HeaderKind Lookup(ReadOnlySpan<byte> name)
    {
        if (name.Length > 24)
        {
            return HeaderKind.Other;
        }
        Span<char> chars = stackalloc char[name.Length];
        for (int i = 0; i < name.Length; i++)
        {
            byte b = name[i];
            if (b > 127)
            {
                return HeaderKind.Other;
            }
            chars[i] = (char)b;
        }
        return ByNameSpan.TryGetValue(chars, out var kind) ? kind : HeaderKind.Other;
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
