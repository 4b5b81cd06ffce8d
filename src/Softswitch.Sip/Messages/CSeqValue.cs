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

    /// <summary>
    /// Parses a CSeq value received on the wire: the number and method are read from the bytes, and a known
    /// method shares its name string, so reading the CSeq of a request allocates only this record.
    /// </summary>
    internal static CSeqValue Parse(ReadOnlySpan<byte> raw)
    {
        ReadOnlySpan<byte> s = raw.Trim(" \t\r\n"u8);
        int sp = s.IndexOfAny(" \t\r\n"u8);
        if (sp <= 0 || !System.Buffers.Text.Utf8Parser.TryParse(s[..sp], out uint n, out int used) || used != sp ||
            !char.IsAsciiDigit((char)s[0]) || n >= 1u << 31)
        {
            throw new SipFormatException(SipParseError.BadCSeq, "bad sequence number");
        }
        ReadOnlySpan<byte> methodBytes = s[sp..].Trim(" \t\r\n"u8);
        if (!SipSyntax.IsToken(methodBytes))
        {
            throw new SipFormatException(SipParseError.BadCSeq, "bad method");
        }
        SipMethod method = SipMethods.Parse(methodBytes);
        return new CSeqValue(n, method, method == SipMethod.Unknown ? System.Text.Encoding.UTF8.GetString(methodBytes) : method.ToText());
    }

    public override string ToString() => $"{Number} {MethodName}";
}
