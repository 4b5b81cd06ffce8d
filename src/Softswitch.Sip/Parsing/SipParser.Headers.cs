using Softswitch.Sip.Messages;

namespace Softswitch.Sip.Parsing;

public static partial class SipParser
{
    /// <summary>
    /// Reads the header lines in [<paramref name="start"/>, <paramref name="end"/>) (each ends with CRLF) into
    /// <paramref name="headers"/>: names matched as bytes (compact forms included, case-insensitive, RFC 3261
    /// §7.3.1, §7.3.3), continuation lines joined to their field, list headers split into one entry per value.
    /// </summary>
    private static SipParseResult ParseHeaders(
        ReadOnlySpan<byte> span, int start, int end, SipParserLimits limits, SipHeaders headers, out int contentLength)
    {
        contentLength = -1;
        int p = start;
        while (p < end)
        {
            var error = FindLineEnd(span, p, limits.MaxLineLength, out int eol);
            if (error != SipParseError.None)
            {
                return Fail(error, "header line");
            }
            if (span[p] is (byte)' ' or (byte)'\t')
            {
                return Fail(SipParseError.BadHeaderName, "continuation line without a header");
            }
            // header = field-name *(SP / HTAB) ":" value (HCOLON, RFC 3261 §25.1).
            int nameLength = span[p..eol].IndexOfAnyExcept(SipSyntax.TokenBytes);
            int nameEnd = nameLength < 0 ? eol : p + nameLength;
            int colon = nameEnd;
            while (colon < eol && span[colon] is (byte)' ' or (byte)'\t')
            {
                colon++;
            }
            if (nameEnd == p || colon == eol || span[colon] != ':')
            {
                return Fail(SipParseError.BadHeaderName, "expected 'name: value'");
            }
            // Folding (RFC 3261 §7.3.1): lines starting with SP or HT continue the field.
            int valueEnd = eol;
            int unfolded = eol - colon - 1;
            while (eol + 2 < end && span[eol + 2] is (byte)' ' or (byte)'\t')
            {
                error = FindLineEnd(span, eol + 2, limits.MaxLineLength, out int next);
                if (error != SipParseError.None)
                {
                    return Fail(error, "continuation line");
                }
                unfolded += next - eol - 1; // the folded CRLF becomes one space
                valueEnd = next;
                eol = next;
            }
            if (unfolded > limits.MaxLineLength)
            {
                return Fail(SipParseError.LineTooLong, "header value after unfolding");
            }
            HeaderKind kind = HeaderNames.Lookup(span[p..nameEnd]);
            var added = AddField(span, headers, kind, p, nameEnd - p, colon + 1, valueEnd, limits.MaxHeaderCount, ref contentLength);
            if (added.Error != SipParseError.None)
            {
                return added;
            }
            p = eol + 2;
        }
        return default;
    }

    private static SipParseResult AddField(
        ReadOnlySpan<byte> span, SipHeaders headers, HeaderKind kind, int nameStart, int nameLength,
        int valueStart, int valueEnd, int maxHeaders, ref int contentLength)
    {
        if (kind is HeaderKind.Via or HeaderKind.Contact or HeaderKind.Route or HeaderKind.RecordRoute)
        {
            // One entry per comma-separated value (RFC 3261 §7.3.1), commas inside quotes or <> not counting.
            bool quoted = false;
            bool angle = false;
            int elementStart = valueStart;
            for (int i = valueStart; i <= valueEnd; i++)
            {
                if (i < valueEnd)
                {
                    byte b = span[i];
                    if (quoted)
                    {
                        if (b == '\\')
                        {
                            i++;
                        }
                        else if (b == '"')
                        {
                            quoted = false;
                        }
                        continue;
                    }
                    if (b == '"')
                    {
                        quoted = true;
                        continue;
                    }
                    if (b == '<')
                    {
                        angle = true;
                    }
                    else if (b == '>')
                    {
                        angle = false;
                    }
                    if (b != ',' || angle)
                    {
                        continue;
                    }
                }
                var error = AddTrimmed(span, headers, kind, nameStart, nameLength, elementStart, Math.Min(i, valueEnd), maxHeaders, allowEmpty: false);
                if (error.Error != SipParseError.None)
                {
                    return error;
                }
                elementStart = i + 1;
            }
            return default;
        }
        if (kind == HeaderKind.ContentLength)
        {
            // A second Content-Length is refused even when equal: it signals smuggling (RFC 4475 §3.3.9).
            ReadOnlySpan<byte> digits = SipValueValidator.Trim(span[valueStart..valueEnd]);
            if (contentLength >= 0)
            {
                return Fail(SipParseError.BadContentLength, "more than one Content-Length");
            }
            if (!SipValueValidator.TryParseDecimal(digits, int.MaxValue, out long length))
            {
                return Fail(SipParseError.BadContentLength, "Content-Length is not a non-negative integer");
            }
            contentLength = (int)length;
        }
        return AddTrimmed(span, headers, kind, nameStart, nameLength, valueStart, valueEnd, maxHeaders, allowEmpty: true);
    }

    private static SipParseResult AddTrimmed(
        ReadOnlySpan<byte> span, SipHeaders headers, HeaderKind kind, int nameStart, int nameLength,
        int valueStart, int valueEnd, int maxHeaders, bool allowEmpty)
    {
        while (valueStart < valueEnd && SipValueValidator.IsWs(span[valueStart]))
        {
            valueStart++;
        }
        while (valueEnd > valueStart && SipValueValidator.IsWs(span[valueEnd - 1]))
        {
            valueEnd--;
        }
        if (!allowEmpty && valueStart == valueEnd)
        {
            return Fail(kind == HeaderKind.Via ? SipParseError.BadVia : SipParseError.BadNameAddress, "empty value in a list");
        }
        if (headers.Count >= maxHeaders)
        {
            return Fail(SipParseError.TooManyHeaders, "too many header fields");
        }
        headers.AddParsed(kind, nameStart, nameLength, valueStart, valueEnd - valueStart);
        return default;
    }
}
