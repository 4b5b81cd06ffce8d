using System.Globalization;

namespace Softswitch.Sip.Messages;

/// <summary>CSeq: a 32-bit sequence number below 2**31 and the request method (RFC 3261 §8.1.1.5, §20.16).</summary>
public sealed record CSeqValue(uint Number, SipMethod Method, string MethodName)
{
    public static CSeqValue Parse(string text)
    {
        ReadOnlySpan<char> s = text.AsSpan().Trim();
        int sp = s.IndexOfAny(' ', '\t');
        if (sp <= 0)
        {
            throw new SipFormatException(SipParseError.BadCSeq, "expected 'number method'");
        }
        if (!uint.TryParse(s[..sp], NumberStyles.None, CultureInfo.InvariantCulture, out uint n) || n >= 1u << 31)
        {
            throw new SipFormatException(SipParseError.BadCSeq, "bad sequence number");
        }
        ReadOnlySpan<char> method = s[sp..].Trim();
        if (!SipSyntax.IsToken(method))
        {
            throw new SipFormatException(SipParseError.BadCSeq, "bad method");
        }
        string name = method.ToString();
        return new CSeqValue(n, SipMethods.Parse(name), name);
    }

    public override string ToString() => $"{Number} {MethodName}";
}
