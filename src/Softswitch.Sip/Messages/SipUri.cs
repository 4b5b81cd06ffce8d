using System.Globalization;
using System.Text;

namespace Softswitch.Sip.Messages;

/// <summary>
/// A SIP, SIPS or TEL URI (RFC 3261 §19.1, RFC 3966), or any other absolute URI kept opaque.
/// Escaped characters stay escaped in <see cref="User"/>; <see cref="UnescapedUser"/> decodes them.
/// </summary>
public sealed class SipUri
{
    public string Scheme { get; init; } = "sip";

    public string? User { get; set; }

    public string? Password { get; set; }

    /// <summary>Host name, IPv4 address, or IPv6 reference with its brackets. For tel: the number.</summary>
    public string Host { get; set; } = string.Empty;

    public int? Port { get; set; }

    public SipParameters Parameters { get; init; } = new();

    /// <summary>The <c>?h=v&amp;…</c> part without the question mark, or null.</summary>
    public string? Headers { get; set; }

    /// <summary>The text after the scheme for a URI whose scheme is neither sip, sips nor tel.</summary>
    public string? Opaque { get; init; }

    public bool IsSip => Scheme is "sip" or "sips";

    public bool IsTel => Scheme == "tel";

    public string? UnescapedUser => User is null ? null : Uri.UnescapeDataString(User);

    public string? Transport => Parameters.Get("transport");

    public SipUri Clone() => new()
    {
        Scheme = Scheme,
        User = User,
        Password = Password,
        Host = Host,
        Port = Port,
        Parameters = Parameters.Copy(),
        Headers = Headers,
        Opaque = Opaque,
    };

    public static bool TryParse(string text, out SipUri? uri)
    {
        try
        {
            uri = Parse(text);
            return true;
        }
        catch (SipFormatException)
        {
            uri = null;
            return false;
        }
    }

    public static SipUri Parse(string text)
    {
        ReadOnlySpan<char> s = text.AsSpan().Trim();
        int colon = s.IndexOf(':');
        if (colon <= 0 || !IsScheme(s[..colon]))
        {
            throw new SipFormatException(SipParseError.BadUri, "missing or bad scheme");
        }
        string scheme = s[..colon].ToString().ToLowerInvariant();
        ReadOnlySpan<char> rest = s[(colon + 1)..];
        if (rest.IsEmpty || rest.ContainsAny(" \t\r\n"))
        {
            throw new SipFormatException(SipParseError.BadUri, "empty or contains white space");
        }
        return scheme switch
        {
            "sip" or "sips" => ParseSip(scheme, rest),
            "tel" => ParseTel(rest),
            _ => new SipUri { Scheme = scheme, Opaque = rest.ToString() },
        };
    }

    private static SipUri ParseSip(string scheme, ReadOnlySpan<char> rest)
    {
        var uri = new SipUri { Scheme = scheme };
        // '@' may appear in neither parameters nor headers, but '?' and ';' may appear in the user part
        // (RFC 3261 §25.1 user-unreserved; RFC 4475 §3.1.1.2), so the user part is split off first.
        int at = rest.LastIndexOf('@');
        int q = rest[(at + 1)..].IndexOf('?');
        if (q >= 0)
        {
            uri.Headers = rest[(at + 1 + q + 1)..].ToString();
            rest = rest[..(at + 1 + q)];
        }
        if (at >= 0)
        {
            ReadOnlySpan<char> userInfo = rest[..at];
            rest = rest[(at + 1)..];
            int pc = userInfo.IndexOf(':');
            ReadOnlySpan<char> user = pc < 0 ? userInfo : userInfo[..pc];
            if (user.IsEmpty || !IsValidEscaping(user))
            {
                throw new SipFormatException(SipParseError.BadUri, "bad user part");
            }
            uri.User = user.ToString();
            if (pc >= 0)
            {
                uri.Password = userInfo[(pc + 1)..].ToString();
            }
        }
        // Parameters start at the first ';' after the host (an IPv6 reference may not contain one, but skip it anyway).
        int hostEnd = rest.StartsWith('[') ? Math.Max(rest.IndexOf(']'), 0) : 0;
        int semi = rest[hostEnd..].IndexOf(';');
        ReadOnlySpan<char> hostPort = semi < 0 ? rest : rest[..(hostEnd + semi)];
        ReadOnlySpan<char> paramText = rest[hostPort.Length..];
        (uri.Host, uri.Port) = ParseHostPort(hostPort, SipParseError.BadUri);
        uri.Parameters.AddRange(SipParameters.Parse(paramText, SipParseError.BadUri));
        return uri;
    }

    private static SipUri ParseTel(ReadOnlySpan<char> rest)
    {
        int semi = rest.IndexOf(';');
        ReadOnlySpan<char> number = semi < 0 ? rest : rest[..semi];
        if (number.IsEmpty)
        {
            throw new SipFormatException(SipParseError.BadUri, "empty telephone number");
        }
        var uri = new SipUri { Scheme = "tel", Host = number.ToString() };
        if (semi >= 0)
        {
            uri.Parameters.AddRange(SipParameters.Parse(rest[semi..], SipParseError.BadUri));
        }
        return uri;
    }

    /// <summary>host [":" port], host being a name, IPv4 address or bracketed IPv6 reference.</summary>
    public static (string Host, int? Port) ParseHostPort(ReadOnlySpan<char> text, SipParseError error)
    {
        text = text.Trim();
        ReadOnlySpan<char> host;
        ReadOnlySpan<char> portText = default;
        if (text.StartsWith('['))
        {
            int close = text.IndexOf(']');
            if (close < 0 || !System.Net.IPAddress.TryParse(text[1..close], out var v6) ||
                v6.AddressFamily != System.Net.Sockets.AddressFamily.InterNetworkV6)
            {
                throw new SipFormatException(error, "bad IPv6 reference");
            }
            host = text[..(close + 1)];
            ReadOnlySpan<char> after = text[(close + 1)..];
            if (!after.IsEmpty)
            {
                if (after[0] != ':')
                {
                    throw new SipFormatException(error, "junk after IPv6 reference");
                }
                portText = after[1..];
            }
        }
        else
        {
            int c = text.IndexOf(':');
            host = c < 0 ? text : text[..c];
            if (c >= 0)
            {
                portText = text[(c + 1)..];
                if (portText.IsEmpty)
                {
                    throw new SipFormatException(error, "empty port");
                }
            }
            if (host.IsEmpty || !IsHostName(host))
            {
                throw new SipFormatException(error, "bad host");
            }
        }
        int? port = null;
        if (!portText.IsEmpty)
        {
            if (!int.TryParse(portText, NumberStyles.None, CultureInfo.InvariantCulture, out int p) || p is < 1 or > 65535)
            {
                throw new SipFormatException(error, "bad port");
            }
            port = p;
        }
        return (host.ToString(), port);
    }

    private static bool IsHostName(ReadOnlySpan<char> host)
    {
        foreach (char c in host)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c is not '-' and not '.')
            {
                return false;
            }
        }
        return true;
    }

    private static bool IsScheme(ReadOnlySpan<char> s)
    {
        if (!char.IsAsciiLetter(s[0]))
        {
            return false;
        }
        foreach (char c in s)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c is not '+' and not '-' and not '.')
            {
                return false;
            }
        }
        return true;
    }

    private static bool IsValidEscaping(ReadOnlySpan<char> s)
    {
        for (int i = 0; i < s.Length; i++)
        {
            if (s[i] == '%' && (i + 2 >= s.Length || !char.IsAsciiHexDigit(s[i + 1]) || !char.IsAsciiHexDigit(s[i + 2])))
            {
                return false;
            }
        }
        return true;
    }

    public override string ToString()
    {
        var sb = new StringBuilder(64);
        sb.Append(Scheme).Append(':');
        if (Opaque is not null)
        {
            return sb.Append(Opaque).ToString();
        }
        if (User is not null)
        {
            sb.Append(User);
            if (Password is not null)
            {
                sb.Append(':').Append(Password);
            }
            sb.Append('@');
        }
        sb.Append(Host);
        if (Port is int port)
        {
            sb.Append(':').Append(port);
        }
        Parameters.AppendTo(sb);
        if (Headers is not null)
        {
            sb.Append('?').Append(Headers);
        }
        return sb.ToString();
    }
}
