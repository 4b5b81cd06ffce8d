using System.Text;

namespace Softswitch.Sip.Messages;

/// <summary>Ordered <c>;name[=value]</c> parameters (URI or header); names compare case-insensitively.</summary>
public sealed class SipParameters : List<KeyValuePair<string, string?>>
{
    /// <summary>Parameter names seen on nearly every message (RFC 3261 §19.1.1, §20.42, RFC 3581), shared.</summary>
    private static readonly string[] KnownNames = ["branch", "rport", "received", "tag", "transport", "user", "lr", "maddr", "ttl", "expires", "q", "method"];

    public SipParameters()
    {
    }

    private SipParameters(int capacity)
        : base(capacity)
    {
    }

    public bool Has(string name) => IndexOf(name) >= 0;

    public string? Get(string name)
    {
        int i = IndexOf(name);
        return i < 0 ? null : this[i].Value;
    }

    public void Set(string name, string? value)
    {
        int i = IndexOf(name);
        if (i < 0)
        {
            Add(new(name, value));
        }
        else
        {
            this[i] = new(this[i].Key, value);
        }
    }

    /// <summary>A plain loop: a FindIndex lambda capturing the name cost a closure and a delegate per read.</summary>
    private int IndexOf(string name)
    {
        for (int i = 0; i < Count; i++)
        {
            if (string.Equals(this[i].Key, name, StringComparison.OrdinalIgnoreCase))
            {
                return i;
            }
        }
        return -1;
    }

    public void Remove(string name) => RemoveAll(p => string.Equals(p.Key, name, StringComparison.OrdinalIgnoreCase));

    public SipParameters Copy()
    {
        var copy = new SipParameters();
        copy.AddRange(this);
        return copy;
    }

    public void AppendTo(StringBuilder sb)
    {
        foreach (var (name, value) in this)
        {
            sb.Append(';').Append(name);
            if (value is not null)
            {
                sb.Append('=').Append(value);
            }
        }
    }

    /// <summary>Parses <c>;a=b;c</c> (leading ';' optional). Values may be quoted strings, kept with their quotes.</summary>
    internal static SipParameters Parse(ReadOnlySpan<char> text, SipParseError error)
    {
        text = text.Trim();
        var result = new SipParameters(text.Count(';') + (text.StartsWith(';') ? 0 : 1));
        while (!text.IsEmpty)
        {
            if (text[0] == ';')
            {
                text = text[1..].TrimStart();
                continue;
            }
            int end = FindParamEnd(text, error);
            ReadOnlySpan<char> item = text[..end].Trim();
            text = text[end..];
            int eq = item.IndexOf('=');
            ReadOnlySpan<char> nameText = (eq < 0 ? item : item[..eq]).Trim();
            if (nameText.IsEmpty || !SipSyntax.IsToken(nameText))
            {
                throw new SipFormatException(error, "bad parameter name");
            }
            string name = Name(nameText);
            string? value = eq < 0 ? null : item[(eq + 1)..].Trim().ToString();
            if (value is not null && value.Length > 0 && value[0] == '"' && !SipSyntax.IsQuotedString(value))
            {
                throw new SipFormatException(error, "unterminated quoted parameter");
            }
            result.Add(new(name, value));
        }
        return result;
    }

    private static string Name(ReadOnlySpan<char> text)
    {
        foreach (string known in KnownNames)
        {
            if (text.SequenceEqual(known))
            {
                return known;
            }
        }
        return text.ToString();
    }

    private static int FindParamEnd(ReadOnlySpan<char> text, SipParseError error)
    {
        bool quoted = false;
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
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
        if (quoted)
        {
            throw new SipFormatException(error, "unterminated quoted string");
        }
        return text.Length;
    }
}
