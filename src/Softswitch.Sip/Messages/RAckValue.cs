using System.Globalization;

namespace Softswitch.Sip.Messages;

/// <summary>
/// The RAck header of a PRACK (RFC 3262 §7.2): the RSeq of the reliable provisional being acknowledged, then the
/// CSeq number and method of the request it answered. RSeq (§7.1) and RAck have no compact form and no HeaderKind:
/// they are read by name.
/// </summary>
public readonly record struct RAckValue(uint RSeq, uint CSeq, string Method)
{
    public const string HeaderName = "RAck";

    public const string RSeqHeaderName = "RSeq";

    /// <summary>RAck = response-num LWS CSeq-num LWS Method, both numbers 1*DIGIT (32 bits).</summary>
    public static bool TryParse(string? text, out RAckValue value)
    {
        value = default;
        if (text is null)
        {
            return false;
        }
        Span<Range> parts = stackalloc Range[4];
        ReadOnlySpan<char> s = text.AsSpan().Trim();
        int count = s.SplitAny(parts, " \t", StringSplitOptions.RemoveEmptyEntries);
        if (count != 3
            || !TryParseNumber(s[parts[0]], out uint rseq)
            || !TryParseNumber(s[parts[1]], out uint cseq)
            || !SipSyntax.IsToken(s[parts[2]]))
        {
            return false;
        }
        value = new RAckValue(rseq, cseq, s[parts[2]].ToString());
        return true;
    }

    /// <summary>RSeq = 1*DIGIT, a 32-bit number (RFC 3262 §7.1).</summary>
    public static bool TryParseRSeq(string? text, out uint rseq)
    {
        rseq = 0;
        return text is not null && TryParseNumber(text.AsSpan().Trim(), out rseq);
    }

    private static bool TryParseNumber(ReadOnlySpan<char> digits, out uint number) =>
        uint.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out number);

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{RSeq} {CSeq} {Method}");
}
