namespace Softswitch.Sip.Auth;

/// <summary>
/// Compares the Digest uri directive with the Request-URI (RFC 3261 §22.4 / RFC 7616 §3.4.6: the server
/// must check they name the same resource, so a response captured for one target cannot be reused for another).
/// </summary>
/// <remarks>
/// Lenient on purpose: NATs, proxies and UAs differ in ports, parameters and case of the host, so equality
/// of scheme (case-insensitive), user (case-sensitive, RFC 3261 §19.1.4) and host (case-insensitive) is
/// what is required. URIs without a scheme (HTTP-style "/path") must match exactly.
/// </remarks>
internal static class DigestUriMatcher
{
    public static bool Matches(string digestUri, string requestUri)
    {
        if (string.Equals(digestUri, requestUri, StringComparison.Ordinal))
        {
            return true;
        }
        if (!TrySplit(digestUri, out var a) || !TrySplit(requestUri, out var b))
        {
            return false;
        }
        return a.Scheme.Equals(b.Scheme, StringComparison.OrdinalIgnoreCase)
            // A digest-uri naming only the domain is accepted for a Request-URI with a user: SIPp (its default
            // -auth_uri) and several phones answer an INVITE challenge with uri="sip:host:port". The nonce, realm,
            // method and replay checks still bind the credentials to this server and this request.
            && (a.User.Length == 0 || string.Equals(a.User, b.User, StringComparison.Ordinal))
            && a.Host.Equals(b.Host, StringComparison.OrdinalIgnoreCase);
    }

    private static bool TrySplit(string uri, out UriParts parts)
    {
        parts = default;
        ReadOnlySpan<char> s = uri.AsSpan().Trim();
        if (s.Length >= 2 && s[0] == '<' && s[^1] == '>')
        {
            s = s[1..^1];
        }
        int colon = s.IndexOf(':');
        if (colon <= 0)
        {
            return false;
        }
        ReadOnlySpan<char> scheme = s[..colon];
        ReadOnlySpan<char> rest = s[(colon + 1)..];

        // userinfo ends at '@', but only if the '@' comes before any parameter or header part.
        ReadOnlySpan<char> user = [];
        int at = rest.IndexOf('@');
        int paramStart = rest.IndexOfAny(';', '?');
        if (at >= 0 && (paramStart < 0 || at < paramStart))
        {
            user = rest[..at];
            int passwordColon = user.IndexOf(':');
            if (passwordColon >= 0)
            {
                user = user[..passwordColon];
            }
            rest = rest[(at + 1)..];
        }

        ReadOnlySpan<char> host;
        if (rest.Length > 0 && rest[0] == '[')
        {
            int close = rest.IndexOf(']');
            if (close < 0)
            {
                return false;
            }
            host = rest[..(close + 1)];
        }
        else
        {
            int end = rest.IndexOfAny(':', ';', '?');
            host = end < 0 ? rest : rest[..end];
        }
        if (host.IsEmpty)
        {
            return false;
        }
        parts = new UriParts(scheme.ToString(), user.ToString(), host.ToString());
        return true;
    }

    private readonly record struct UriParts(string Scheme, string User, string Host);
}
