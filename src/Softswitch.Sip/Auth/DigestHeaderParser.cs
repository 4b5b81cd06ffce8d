namespace Softswitch.Sip.Auth;

/// <summary>
/// Parses the value of an Authorization / Proxy-Authorization / WWW-Authenticate / Proxy-Authenticate
/// header carrying the Digest scheme: <c>Digest auth-param *("," auth-param)</c>
/// (RFC 3261 §25.1 "credentials"/"challenge", RFC 7235 §2.1, RFC 7616 §3.3–3.4).
/// </summary>
/// <remarks>
/// Limits are checked before any value is copied, so a hostile header costs at most
/// <see cref="MaxHeaderLength"/> characters of scanning and <see cref="MaxParameters"/> small strings.
/// Wire input never makes this throw; the first problem found is returned as a <see cref="DigestParseError"/>.
/// Header folding (CRLF WSP) is tolerated as whitespace between items; inside a quoted-string any
/// control character is refused so a value can never smuggle a line break back out when re-emitted.
/// One header value holds one challenge: several challenges must arrive as several header values.
/// </remarks>
public static class DigestHeaderParser
{
    /// <summary>Far above a real header (~400 chars) yet small enough to bound the work per request.</summary>
    public const int MaxHeaderLength = 4096;

    /// <summary>RFC 7616 defines 13 directives; 24 leaves room for extensions without inviting abuse.</summary>
    public const int MaxParameters = 24;

    public const int MaxNameLength = 32;

    public const int MaxValueLength = 1024;

    private const string Scheme = "Digest";

    public static DigestParseError TryParse(string? headerValue, out DigestParameters? parameters)
    {
        parameters = null;
        if (string.IsNullOrWhiteSpace(headerValue))
        {
            return DigestParseError.Empty;
        }
        if (headerValue.Length > MaxHeaderLength)
        {
            return DigestParseError.TooLong;
        }

        ReadOnlySpan<char> s = headerValue;
        int i = SkipWhitespace(s, 0);
        int start = i;
        while (i < s.Length && IsTokenChar(s[i]))
        {
            i++;
        }
        // The scheme is a case-insensitive token (RFC 7235 §2.1) separated from the params by whitespace.
        if (!s[start..i].Equals(Scheme, StringComparison.OrdinalIgnoreCase) || (i < s.Length && !IsWhitespace(s[i])))
        {
            return DigestParseError.NotDigest;
        }

        var items = new List<KeyValuePair<string, string>>(12);
        while (true)
        {
            i = SkipWhitespace(s, i);
            if (i >= s.Length)
            {
                break;
            }
            if (s[i] == ',')
            {
                // RFC 7230 §7: recipients accept empty list elements ("a=1,,b=2").
                i++;
                continue;
            }
            if (items.Count == MaxParameters)
            {
                return DigestParseError.TooManyParameters;
            }

            start = i;
            while (i < s.Length && IsTokenChar(s[i]))
            {
                i++;
            }
            if (i == start)
            {
                return DigestParseError.BadName;
            }
            if (i - start > MaxNameLength)
            {
                return DigestParseError.NameTooLong;
            }
            ReadOnlySpan<char> name = s[start..i];

            i = SkipWhitespace(s, i);
            if (i >= s.Length || s[i] != '=')
            {
                return DigestParseError.ExpectedEquals;
            }
            i = SkipWhitespace(s, i + 1);

            string value;
            if (i < s.Length && s[i] == '"')
            {
                var error = ReadQuoted(s, ref i, out value);
                if (error != DigestParseError.None)
                {
                    return error;
                }
            }
            else
            {
                start = i;
                while (i < s.Length && IsTokenChar(s[i]))
                {
                    i++;
                }
                if (i == start)
                {
                    return DigestParseError.BadValue;
                }
                if (i - start > MaxValueLength)
                {
                    return DigestParseError.ValueTooLong;
                }
                value = new string(s[start..i]);
            }

            foreach (var item in items)
            {
                if (name.Equals(item.Key, StringComparison.OrdinalIgnoreCase))
                {
                    // RFC 7616 §3.4 lists each directive once; two "response" values are an attack or a bug.
                    return DigestParseError.DuplicateParameter;
                }
            }
            items.Add(new KeyValuePair<string, string>(new string(name), value));

            i = SkipWhitespace(s, i);
            if (i < s.Length && s[i] != ',')
            {
                return DigestParseError.ExpectedComma;
            }
        }

        if (items.Count == 0)
        {
            return DigestParseError.NoParameters;
        }
        parameters = new DigestParameters(items);
        return DigestParseError.None;
    }

    /// <summary>
    /// Reads a quoted-string (RFC 3261 §25.1: DQUOTE *(qdtext / quoted-pair) DQUOTE) starting at the
    /// opening quote; on success <paramref name="i"/> is just past the closing quote.
    /// </summary>
    private static DigestParseError ReadQuoted(ReadOnlySpan<char> s, ref int i, out string value)
    {
        value = string.Empty;
        int pos = i + 1;
        int length = 0;
        bool escaped = false;
        while (true)
        {
            if (pos >= s.Length)
            {
                return DigestParseError.UnterminatedQuote;
            }
            char c = s[pos];
            if (c == '"')
            {
                break;
            }
            if (c == '\\')
            {
                escaped = true;
                pos++;
                if (pos >= s.Length)
                {
                    return DigestParseError.UnterminatedQuote;
                }
                c = s[pos];
            }
            if ((c < 0x20 && c != '\t') || c == 0x7F)
            {
                return DigestParseError.BadQuotedCharacter;
            }
            if (++length > MaxValueLength)
            {
                return DigestParseError.ValueTooLong;
            }
            pos++;
        }

        ReadOnlySpan<char> raw = s[(i + 1)..pos];
        value = escaped ? Unescape(raw, length) : new string(raw);
        i = pos + 1;
        return DigestParseError.None;
    }

    private static string Unescape(ReadOnlySpan<char> raw, int length)
    {
        Span<char> buffer = length <= 256 ? stackalloc char[length] : new char[length];
        int n = 0;
        for (int k = 0; k < raw.Length; k++)
        {
            // quoted-pair: the backslash only protects the next character (already validated).
            if (raw[k] == '\\')
            {
                k++;
            }
            buffer[n++] = raw[k];
        }
        return new string(buffer[..n]);
    }

    private static int SkipWhitespace(ReadOnlySpan<char> s, int i)
    {
        while (i < s.Length && IsWhitespace(s[i]))
        {
            i++;
        }
        return i;
    }

    // LWS after unfolding; CR/LF are accepted only here, between items (RFC 3261 §25.1 LWS).
    private static bool IsWhitespace(char c) => c is ' ' or '\t' or '\r' or '\n';

    /// <summary>RFC 3261 §25.1 token, widened by the RFC 7230 §3.2.6 tchar extras (#$&amp;^|).</summary>
    internal static bool IsTokenChar(char c) =>
        char.IsAsciiLetterOrDigit(c) || c is '-' or '.' or '!' or '%' or '*' or '_' or '+' or '`' or '\'' or '~'
            or '#' or '$' or '&' or '^' or '|';
}
