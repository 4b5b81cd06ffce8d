using System.Text;

namespace Softswitch.Sip.Messages;

/// <summary>
/// name-addr or addr-spec with header parameters, as in From, To, Contact, Route (RFC 3261 §20.10, §25.1).
/// In the addr-spec form, everything after the first ';' belongs to the header, not the URI (§20.10).
/// </summary>
public sealed class NameAddress
{
    public string? DisplayName { get; set; }

    public required SipUri Uri { get; set; }

    public SipParameters Parameters { get; init; } = new();

    /// <summary>True for the Contact wildcard <c>*</c>.</summary>
    public bool IsWildcard { get; init; }

    public string? Tag
    {
        get => Parameters.Get("tag");
        set
        {
            if (value is null)
            {
                Parameters.Remove("tag");
            }
            else
            {
                Parameters.Set("tag", value);
            }
        }
    }

    public NameAddress Clone() => new()
    {
        DisplayName = DisplayName,
        Uri = Uri.Clone(),
        Parameters = Parameters.Copy(),
        IsWildcard = IsWildcard,
    };

    public static NameAddress Parse(string text)
    {
        ReadOnlySpan<char> s = text.AsSpan().Trim();
        if (s.SequenceEqual("*"))
        {
            return new NameAddress { Uri = new SipUri { Scheme = "*" }, IsWildcard = true };
        }
        string? display = null;
        int lt;
        if (!s.IsEmpty && s[0] == '"')
        {
            int close = FindClosingQuote(s);
            display = SipSyntax.Unquote(s[..(close + 1)].ToString());
            s = s[(close + 1)..].TrimStart();
            if (s.IsEmpty || s[0] != '<')
            {
                throw new SipFormatException(SipParseError.BadNameAddress, "quoted display name without <uri>");
            }
            lt = 0;
        }
        else
        {
            lt = s.IndexOf('<');
            if (lt > 0)
            {
                ReadOnlySpan<char> tokens = s[..lt].Trim();
                foreach (char c in tokens)
                {
                    if (!SipSyntax.IsTokenChar(c) && c is not ' ' and not '\t' && c < 128)
                    {
                        throw new SipFormatException(SipParseError.BadNameAddress, "bad display name");
                    }
                }
                display = tokens.IsEmpty ? null : tokens.ToString();
            }
        }
        SipUri uri;
        ReadOnlySpan<char> paramText;
        if (lt >= 0)
        {
            ReadOnlySpan<char> inner = s[(lt + 1)..];
            int gt = inner.IndexOf('>');
            if (gt < 0)
            {
                throw new SipFormatException(SipParseError.BadNameAddress, "missing '>'");
            }
            ReadOnlySpan<char> uriText = inner[..gt];
            // LAQUOT/RAQUOT admit no white space inside the brackets (RFC 3261 §25.1, RFC 4475 §3.1.2.14).
            if (uriText.IsEmpty || char.IsWhiteSpace(uriText[0]) || char.IsWhiteSpace(uriText[^1]))
            {
                throw new SipFormatException(SipParseError.BadNameAddress, "white space inside <>");
            }
            uri = ParseUri(uriText);
            paramText = inner[(gt + 1)..];
            if (!paramText.TrimStart().IsEmpty && paramText.TrimStart()[0] != ';')
            {
                throw new SipFormatException(SipParseError.BadNameAddress, "junk after '>'");
            }
        }
        else
        {
            int semi = s.IndexOf(';');
            // SEMI = SWS ";" SWS (RFC 3261 §25.1): white space before the first ';' is not part of the URI.
            ReadOnlySpan<char> spec = (semi < 0 ? s : s[..semi]).TrimEnd();
            if (spec.Contains('?') || spec.ContainsAny(" \t"))
            {
                throw new SipFormatException(SipParseError.BadNameAddress, "addr-spec with headers or spaces must use <>");
            }
            uri = ParseUri(spec);
            paramText = semi < 0 ? default : s[semi..];
        }
        return new NameAddress
        {
            DisplayName = display,
            Uri = uri,
            Parameters = SipParameters.Parse(paramText, SipParseError.BadNameAddress),
        };
    }

    private static SipUri ParseUri(ReadOnlySpan<char> text)
    {
        try
        {
            return SipUri.Parse(text.ToString());
        }
        catch (SipFormatException e)
        {
            throw new SipFormatException(SipParseError.BadNameAddress, e.Detail);
        }
    }

    private static int FindClosingQuote(ReadOnlySpan<char> s)
    {
        for (int i = 1; i < s.Length; i++)
        {
            if (s[i] == '\\')
            {
                i++;
            }
            else if (s[i] == '"')
            {
                return i;
            }
        }
        throw new SipFormatException(SipParseError.BadNameAddress, "unterminated display name");
    }

    public override string ToString()
    {
        if (IsWildcard)
        {
            return "*";
        }
        var sb = new StringBuilder(96);
        if (!string.IsNullOrEmpty(DisplayName))
        {
            sb.Append(SipSyntax.Quote(DisplayName)).Append(' ');
        }
        sb.Append('<').Append(Uri).Append('>');
        Parameters.AppendTo(sb);
        return sb.ToString();
    }
}
