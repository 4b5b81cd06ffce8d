using System.Buffers;
using System.Net;
using System.Text;
using System.Net.Sockets;
using Softswitch.Sip.Messages;

namespace Softswitch.Sip.Parsing;

/// <summary>
/// Allocation-free syntax checks on raw header bytes, run by <see cref="SipParser.Parse"/> so that a message which
/// parses has working typed accessors (<see cref="SipMessage.TopVia"/>, From, To, CSeq) without the parser
/// building those objects. Each check mirrors the string parser it guards (SipVia, NameAddress, CSeqValue, SipUri,
/// SipParameters) and is never looser than it; the mutation tests hold the two together.
/// Raw values may still contain folding (CRLF + SP/HT, RFC 3261 §7.3.1), so CR and LF count as white space here.
/// </summary>
internal static class SipValueValidator
{
    private static readonly SearchValues<byte> HostBytes =
        SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-."u8);

    public static bool IsWs(byte b) => b is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n';

    public static ReadOnlySpan<byte> Trim(ReadOnlySpan<byte> s)
    {
        int start = 0;
        while (start < s.Length && IsWs(s[start]))
        {
            start++;
        }
        int end = s.Length;
        while (end > start && IsWs(s[end - 1]))
        {
            end--;
        }
        return s[start..end];
    }

    private static int IndexOfWs(ReadOnlySpan<byte> s) => s.IndexOfAny(" \t\r\n"u8);

    private static bool IsToken(ReadOnlySpan<byte> s) => SipSyntax.IsToken(s);

    /// <summary>Unsigned decimal of at most <paramref name="max"/>; digits only (leading zeros allowed).</summary>
    public static bool TryParseDecimal(ReadOnlySpan<byte> s, long max, out long value)
    {
        value = 0;
        if (s.IsEmpty)
        {
            return false;
        }
        foreach (byte b in s)
        {
            if (b is < (byte)'0' or > (byte)'9')
            {
                return false;
            }
            value = (value * 10) + (b - '0');
            if (value > max)
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>Mirrors <see cref="CSeqValue.Parse(string)"/>: number below 2**31, LWS, method token. Returns the method.</summary>
    public static bool IsValidCSeq(ReadOnlySpan<byte> raw, out ReadOnlySpan<byte> method)
    {
        method = default;
        ReadOnlySpan<byte> s = Trim(raw);
        int sp = IndexOfWs(s);
        if (sp <= 0 || !TryParseDecimal(s[..sp], (1L << 31) - 1, out _))
        {
            return false;
        }
        method = Trim(s[sp..]);
        return IsToken(method);
    }

    /// <summary>callid = word ["@" word] (RFC 3261 §25.1): checked loosely as printable ASCII without white space.</summary>
    public static bool IsValidCallId(ReadOnlySpan<byte> raw)
    {
        ReadOnlySpan<byte> s = Trim(raw);
        if (s.IsEmpty)
        {
            return false;
        }
        foreach (byte b in s)
        {
            if (b is <= 0x20 or >= 0x7F)
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>Mirrors <see cref="SipVia.Parse(string)"/>: sent-protocol with LWS around the slashes, sent-by, params.</summary>
    public static bool IsValidVia(ReadOnlySpan<byte> raw)
    {
        ReadOnlySpan<byte> s = Trim(raw);
        for (int i = 0; i < 3; i++)
        {
            s = Trim(s);
            int end = i < 2 ? s.IndexOf((byte)'/') : IndexOfWs(s);
            if (end <= 0)
            {
                return false;
            }
            ReadOnlySpan<byte> part = Trim(s[..end]);
            bool ok = i switch
            {
                0 => part.Length == 3 && Ascii.EqualsIgnoreCase(part, "SIP"u8),
                1 => part.SequenceEqual("2.0"u8),
                _ => IsToken(part),
            };
            if (!ok)
            {
                return false;
            }
            s = i < 2 ? s[(end + 1)..] : s[end..];
        }
        s = Trim(s);
        int semi;
        if (!s.IsEmpty && s[0] == '[')
        {
            int close = s.IndexOf((byte)']');
            if (close < 0)
            {
                return false;
            }
            int j = s[(close + 1)..].IndexOf((byte)';');
            semi = j < 0 ? -1 : close + 1 + j;
        }
        else
        {
            semi = s.IndexOf((byte)';');
        }
        ReadOnlySpan<byte> sentBy = semi < 0 ? s : s[..semi];
        return IsValidHostPort(sentBy) && IsValidParameters(semi < 0 ? default : s[semi..]);
    }

    /// <summary>Mirrors <see cref="NameAddress.Parse"/>: name-addr or addr-spec, then header parameters.</summary>
    public static bool IsValidNameAddress(ReadOnlySpan<byte> raw)
    {
        ReadOnlySpan<byte> s = Trim(raw);
        if (s.Length == 1 && s[0] == '*')
        {
            return true;
        }
        int lt;
        if (!s.IsEmpty && s[0] == '"')
        {
            int close = FindClosingQuote(s);
            if (close < 0)
            {
                return false;
            }
            s = TrimStart(s[(close + 1)..]);
            if (s.IsEmpty || s[0] != '<')
            {
                return false;
            }
            lt = 0;
        }
        else
        {
            lt = s.IndexOf((byte)'<');
            if (lt > 0)
            {
                foreach (byte b in Trim(s[..lt]))
                {
                    // Display name as *(token LWS): token characters, white space, or UTF-8 (RFC 3261 §25.1).
                    if (!SipSyntax.IsTokenByte(b) && !IsWs(b) && b < 128)
                    {
                        return false;
                    }
                }
            }
        }
        ReadOnlySpan<byte> paramText;
        if (lt >= 0)
        {
            ReadOnlySpan<byte> inner = s[(lt + 1)..];
            int gt = inner.IndexOf((byte)'>');
            if (gt < 0)
            {
                return false;
            }
            ReadOnlySpan<byte> uri = inner[..gt];
            // LAQUOT/RAQUOT allow no white space inside the brackets (RFC 3261 §25.1; RFC 4475 §3.1.2.14).
            if (uri.IsEmpty || IsWs(uri[0]) || IsWs(uri[^1]) || !IsValidUri(uri))
            {
                return false;
            }
            paramText = inner[(gt + 1)..];
            ReadOnlySpan<byte> rest = TrimStart(paramText);
            if (!rest.IsEmpty && rest[0] != ';')
            {
                return false;
            }
        }
        else
        {
            int semi = s.IndexOf((byte)';');
            ReadOnlySpan<byte> spec = Trim(semi < 0 ? s : s[..semi]);
            // An addr-spec with headers or a comma must be enclosed in <> (RFC 3261 §20.10; RFC 4475 §3.1.2.13).
            if (spec.IndexOfAny("? \t\r\n"u8) >= 0 || !IsValidUri(spec))
            {
                return false;
            }
            paramText = semi < 0 ? default : s[semi..];
        }
        return IsValidParameters(paramText);
    }

    private static ReadOnlySpan<byte> TrimStart(ReadOnlySpan<byte> s)
    {
        int i = 0;
        while (i < s.Length && IsWs(s[i]))
        {
            i++;
        }
        return s[i..];
    }

    private static int FindClosingQuote(ReadOnlySpan<byte> s)
    {
        for (int i = 1; i < s.Length; i++)
        {
            if (s[i] == '\\')
            {
                // quoted-pair excludes CR and LF (RFC 3261 §25.1), which also keeps folding out of escapes.
                if (i + 1 < s.Length && s[i + 1] is (byte)'\r' or (byte)'\n')
                {
                    return -1;
                }
                i++;
            }
            else if (s[i] == '"')
            {
                return i;
            }
        }
        return -1;
    }

    /// <summary>Mirrors <see cref="SipUri.Parse"/>.</summary>
    public static bool IsValidUri(ReadOnlySpan<byte> raw) => IsValidUri(raw, out _);

    public static bool IsValidUri(ReadOnlySpan<byte> raw, out bool hasHeaders)
    {
        hasHeaders = false;
        ReadOnlySpan<byte> s = Trim(raw);
        int colon = s.IndexOf((byte)':');
        if (colon <= 0 || !IsScheme(s[..colon]))
        {
            return false;
        }
        ReadOnlySpan<byte> scheme = s[..colon];
        ReadOnlySpan<byte> rest = s[(colon + 1)..];
        if (rest.IsEmpty)
        {
            return false;
        }
        // Stricter than SipUri (which refuses only white space): no control characters anywhere in a URI.
        if (rest.IndexOfAnyInRange((byte)0, (byte)0x20) >= 0 || rest.Contains((byte)0x7F))
        {
            return false;
        }
        if (Ascii.EqualsIgnoreCase(scheme, "sip"u8) || Ascii.EqualsIgnoreCase(scheme, "sips"u8))
        {
            return IsValidSipUri(rest, out hasHeaders);
        }
        if (Ascii.EqualsIgnoreCase(scheme, "tel"u8))
        {
            int semi = rest.IndexOf((byte)';');
            return semi != 0 && (semi < 0 || IsValidParameters(rest[semi..]));
        }
        return true;
    }

    private static bool IsValidSipUri(ReadOnlySpan<byte> rest, out bool hasHeaders)
    {
        int at = rest.LastIndexOf((byte)'@');
        int q = rest[(at + 1)..].IndexOf((byte)'?');
        hasHeaders = q >= 0;
        if (q >= 0)
        {
            rest = rest[..(at + 1 + q)];
        }
        if (at >= 0)
        {
            ReadOnlySpan<byte> userInfo = rest[..at];
            rest = rest[(at + 1)..];
            int pc = userInfo.IndexOf((byte)':');
            ReadOnlySpan<byte> user = pc < 0 ? userInfo : userInfo[..pc];
            if (user.IsEmpty || !IsValidEscaping(user))
            {
                return false;
            }
        }
        int hostEnd = !rest.IsEmpty && rest[0] == '[' ? Math.Max(rest.IndexOf((byte)']'), 0) : 0;
        int semi = rest[hostEnd..].IndexOf((byte)';');
        ReadOnlySpan<byte> hostPort = semi < 0 ? rest : rest[..(hostEnd + semi)];
        return IsValidHostPort(hostPort) && IsValidParameters(rest[hostPort.Length..]);
    }

    private static bool IsScheme(ReadOnlySpan<byte> s)
    {
        if (!char.IsAsciiLetter((char)s[0]))
        {
            return false;
        }
        foreach (byte b in s)
        {
            if (!char.IsAsciiLetterOrDigit((char)b) && b is not (byte)'+' and not (byte)'-' and not (byte)'.')
            {
                return false;
            }
        }
        return true;
    }

    private static bool IsValidEscaping(ReadOnlySpan<byte> s)
    {
        for (int i = s.IndexOf((byte)'%'); i >= 0 && i < s.Length; i++)
        {
            if (s[i] == '%' && (i + 2 >= s.Length || !char.IsAsciiHexDigit((char)s[i + 1]) || !char.IsAsciiHexDigit((char)s[i + 2])))
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>Mirrors <see cref="SipUri.ParseHostPort"/>.</summary>
    public static bool IsValidHostPort(ReadOnlySpan<byte> raw)
    {
        ReadOnlySpan<byte> text = Trim(raw);
        ReadOnlySpan<byte> portText = default;
        if (!text.IsEmpty && text[0] == '[')
        {
            int close = text.IndexOf((byte)']');
            if (close < 0 || !IsIPv6(text[1..close]))
            {
                return false;
            }
            ReadOnlySpan<byte> after = text[(close + 1)..];
            if (!after.IsEmpty)
            {
                if (after[0] != ':')
                {
                    return false;
                }
                portText = after[1..];
                if (portText.IsEmpty)
                {
                    return false;
                }
            }
        }
        else
        {
            int c = text.IndexOf((byte)':');
            ReadOnlySpan<byte> host = c < 0 ? text : text[..c];
            if (c >= 0)
            {
                portText = text[(c + 1)..];
                if (portText.IsEmpty)
                {
                    return false;
                }
            }
            if (host.IsEmpty)
            {
                return false;
            }
            if (host.IndexOfAnyExcept(HostBytes) >= 0)
            {
                return false;
            }
        }
        return portText.IsEmpty || (TryParseDecimal(portText, 65535, out long port) && port >= 1);
    }

    private static bool IsIPv6(ReadOnlySpan<byte> text)
    {
        if (text.IsEmpty || text.Length > 64)
        {
            return false;
        }
        Span<char> chars = stackalloc char[text.Length];
        for (int i = 0; i < text.Length; i++)
        {
            if (text[i] > 127)
            {
                return false;
            }
            chars[i] = (char)text[i];
        }
        return IPAddress.TryParse(chars, out IPAddress? address) && address.AddressFamily == AddressFamily.InterNetworkV6;
    }

    /// <summary>Mirrors <c>SipParameters.Parse</c>: <c>;name[=value]</c>, quoted values with escapes.</summary>
    public static bool IsValidParameters(ReadOnlySpan<byte> raw)
    {
        ReadOnlySpan<byte> text = Trim(raw);
        while (!text.IsEmpty)
        {
            if (text[0] == ';')
            {
                text = TrimStart(text[1..]);
                continue;
            }
            int end = FindParamEnd(text);
            if (end < 0)
            {
                return false;
            }
            ReadOnlySpan<byte> item = Trim(text[..end]);
            text = text[end..];
            int eq = item.IndexOf((byte)'=');
            if (!IsToken(Trim(eq < 0 ? item : item[..eq])))
            {
                return false;
            }
            if (eq >= 0)
            {
                ReadOnlySpan<byte> value = Trim(item[(eq + 1)..]);
                if (!value.IsEmpty && value[0] == '"' && FindClosingQuote(value) != value.Length - 1)
                {
                    return false;
                }
            }
        }
        return true;
    }

    private static int FindParamEnd(ReadOnlySpan<byte> text)
    {
        bool quoted = false;
        for (int i = 0; i < text.Length; i++)
        {
            byte c = text[i];
            if (quoted)
            {
                if (c == '\\')
                {
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ';')
            {
                return i;
            }
        }
        return quoted ? -1 : text.Length;
    }
}
