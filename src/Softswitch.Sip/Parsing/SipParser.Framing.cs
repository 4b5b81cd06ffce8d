using System.Text;
using Softswitch.Sip.Messages;

namespace Softswitch.Sip.Parsing;

public static partial class SipParser
{
    /// <summary>
    /// Stream framing (RFC 3261 §18.3): finds where the first message in <paramref name="buffer"/> ends, using
    /// Content-Length (mandatory on streams). Leading CRLF keep-alives (RFC 5626 §3.5.1) are counted in
    /// <paramref name="skip"/>, which the caller may discard whatever the status. Consumes nothing else when more
    /// data is needed (<paramref name="length"/> is then 0). On <see cref="SipFrameStatus.Complete"/> the message
    /// is <c>buffer.Slice(skip, length)</c>.
    /// </summary>
    public static SipFrameStatus TryFrame(ReadOnlySpan<byte> buffer, SipParserLimits limits, out int skip, out int length, out SipParseError error)
    {
        ArgumentNullException.ThrowIfNull(limits);
        skip = 0;
        length = 0;
        error = SipParseError.None;
        while (skip + 1 < buffer.Length && buffer[skip] == CR && buffer[skip + 1] == LF)
        {
            skip += 2;
        }
        ReadOnlySpan<byte> rest = buffer[skip..];
        // Look for the end of the header block only as far as a message may reach, so a peer that never sends it
        // costs a bounded scan and is refused once it exceeds the limit.
        ReadOnlySpan<byte> window = rest[..Math.Min(rest.Length, limits.MaxMessageSize)];
        int blank = window.IndexOf("\r\n\r\n"u8);
        if (blank < 0)
        {
            if (rest.Length >= limits.MaxMessageSize)
            {
                return Invalid(SipParseError.MessageTooLarge, out error);
            }
            int lastLf = rest.LastIndexOf(LF);
            if (rest.Length - (lastLf + 1) > limits.MaxLineLength)
            {
                return Invalid(SipParseError.LineTooLong, out error);
            }
            if (rest[..(lastLf + 1)].Count(LF) > limits.MaxHeaderCount + 1)
            {
                return Invalid(SipParseError.TooManyHeaders, out error);
            }
            return SipFrameStatus.NeedMoreData;
        }
        int headerLength = blank + 4;
        var clError = FindContentLength(rest[..(blank + 2)], out int contentLength);
        if (clError != SipParseError.None)
        {
            return Invalid(clError, out error);
        }
        if ((long)headerLength + contentLength > limits.MaxMessageSize)
        {
            return Invalid(SipParseError.MessageTooLarge, out error);
        }
        if (rest.Length < headerLength + contentLength)
        {
            return SipFrameStatus.NeedMoreData;
        }
        length = headerLength + contentLength;
        return SipFrameStatus.Complete;
    }

    private static SipFrameStatus Invalid(SipParseError reason, out SipParseError error)
    {
        error = reason;
        return SipFrameStatus.Invalid;
    }

    /// <summary>Reads the single Content-Length (or its compact form "l") of a header block ending in CRLF.</summary>
    private static SipParseError FindContentLength(ReadOnlySpan<byte> block, out int contentLength)
    {
        contentLength = -1;
        int lineStart = block.IndexOf(LF) + 1; // skip the start line
        while (lineStart > 0 && lineStart < block.Length)
        {
            int eol = block[lineStart..].IndexOf(LF);
            eol = eol < 0 ? block.Length : lineStart + eol;
            ReadOnlySpan<byte> line = block[lineStart..eol];
            int nameEnd = 0;
            while (nameEnd < line.Length && SipSyntax.IsTokenByte(line[nameEnd]))
            {
                nameEnd++;
            }
            ReadOnlySpan<byte> name = line[..nameEnd];
            if (Ascii.EqualsIgnoreCase(name, "Content-Length"u8) || Ascii.EqualsIgnoreCase(name, "l"u8))
            {
                int colon = line.IndexOf((byte)':');
                if (colon < nameEnd || !SipValueValidator.Trim(line[nameEnd..colon]).IsEmpty)
                {
                    return SipParseError.BadHeaderName;
                }
                // The value may be folded onto the following lines (RFC 3261 §7.3.1).
                int valueEnd = eol;
                while (valueEnd + 1 < block.Length && block[valueEnd + 1] is (byte)' ' or (byte)'\t')
                {
                    int next = block[(valueEnd + 1)..].IndexOf(LF);
                    valueEnd = next < 0 ? block.Length : valueEnd + 1 + next;
                }
                ReadOnlySpan<byte> value = SipValueValidator.Trim(block[(lineStart + colon + 1)..valueEnd]);
                if (contentLength >= 0 || !SipValueValidator.TryParseDecimal(value, int.MaxValue, out long n))
                {
                    return SipParseError.BadContentLength;
                }
                contentLength = (int)n;
                eol = valueEnd;
            }
            lineStart = eol + 1;
        }
        if (contentLength < 0)
        {
            // Content-Length is mandatory on stream transports (RFC 3261 §18.3, §20.14).
            contentLength = 0;
            return SipParseError.MissingHeader;
        }
        return SipParseError.None;
    }
}
