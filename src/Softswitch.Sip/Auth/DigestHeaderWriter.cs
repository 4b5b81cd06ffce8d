using System.Text;

namespace Softswitch.Sip.Auth;

/// <summary>
/// Builds Digest header values: <c>Digest name="quoted", name=token, ...</c>.
/// Values are escaped as quoted-pairs (RFC 3261 §25.1); control characters are refused because a CR or
/// LF in a header value would let a caller inject headers.
/// </summary>
internal sealed class DigestHeaderWriter
{
    private readonly StringBuilder _builder = new("Digest ", 256);
    private bool _first = true;

    /// <summary>True when <paramref name="value"/> can be carried in a quoted-string.</summary>
    public static bool IsQuotable(string value)
    {
        foreach (char c in value)
        {
            if ((c < 0x20 && c != '\t') || c == 0x7F)
            {
                return false;
            }
        }
        return value.Length <= DigestHeaderParser.MaxValueLength;
    }

    public DigestHeaderWriter Quoted(string name, string value)
    {
        if (!IsQuotable(value))
        {
            throw new ArgumentException($"Value of '{name}' cannot be carried in a quoted-string.", nameof(value));
        }
        Separator().Append(name).Append("=\"");
        foreach (char c in value)
        {
            if (c is '"' or '\\')
            {
                _builder.Append('\\');
            }
            _builder.Append(c);
        }
        _builder.Append('"');
        return this;
    }

    /// <summary>A bare token value; the RFC requires algorithm, qop (in credentials), nc and stale unquoted.</summary>
    public DigestHeaderWriter Token(string name, string value)
    {
        foreach (char c in value)
        {
            if (!DigestHeaderParser.IsTokenChar(c))
            {
                throw new ArgumentException($"Value of '{name}' is not a token.", nameof(value));
            }
        }
        Separator().Append(name).Append('=').Append(value);
        return this;
    }

    public override string ToString() => _builder.ToString();

    private StringBuilder Separator()
    {
        if (!_first)
        {
            _builder.Append(", ");
        }
        _first = false;
        return _builder;
    }
}
