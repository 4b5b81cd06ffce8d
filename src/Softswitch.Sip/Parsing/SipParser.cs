using System.Text;
using Softswitch.Sip.Messages;

namespace Softswitch.Sip.Parsing;

/// <summary>The result of parsing one message: the message, or the reason it was refused.</summary>
public readonly record struct SipParseResult(SipMessage? Message, SipParseError Error, string? Detail)
{
    public bool Success => Message is not null;
}

public enum SipFrameStatus
{
    NeedMoreData,
    Complete,
    Invalid,
}

/// <summary>
/// Parses SIP messages from bytes (RFC 3261 §7), Kestrel-style: the start line and header names are matched as
/// bytes, header values are kept as byte ranges into the input and become strings only when read. Limits are
/// checked before any work proportional to the input, and hostile input yields a <see cref="SipParseResult"/>
/// with an error, never an exception. Split by aspect: this file holds the message parser, the Framing and
/// Validation partials the TCP framing and the mandatory-header checks.
/// </summary>
public static partial class SipParser
{
    private const byte CR = (byte)'\r';
    private const byte LF = (byte)'\n';

    /// <summary>
    /// Parses one whole message (a UDP datagram or a framed TCP message). The returned message keeps references
    /// into <paramref name="data"/>, which must therefore not be reused by the caller.
    /// </summary>
    public static SipParseResult Parse(ReadOnlyMemory<byte> data, SipParserLimits limits)
    {
        ArgumentNullException.ThrowIfNull(limits);
        try
        {
            return ParseCore(data, limits);
        }
        catch (SipFormatException e)
        {
            // Belt and braces: the validators run before every typed parse, so this is not expected to happen.
            return Fail(e.Error, e.Detail);
        }
    }

    private static SipParseResult ParseCore(ReadOnlyMemory<byte> data, SipParserLimits limits)
    {
        ReadOnlySpan<byte> span = data.Span;
        if (span.Length > limits.MaxMessageSize)
        {
            return Fail(SipParseError.MessageTooLarge, "message exceeds the size limit");
        }
        // CRLFs before the start line are ignored (RFC 3261 §7.5; on streams they are keep-alives, RFC 5626 §3.5.1).
        int pos = 0;
        while (pos + 1 < span.Length && span[pos] == CR && span[pos + 1] == LF)
        {
            pos += 2;
        }
        if (pos == span.Length)
        {
            return Fail(SipParseError.BadStartLine, "empty message");
        }
        var error = FindLineEnd(span, pos, limits.MaxLineLength, out int lineEnd);
        if (error != SipParseError.None)
        {
            return Fail(error == SipParseError.IncompleteMessage ? SipParseError.BadStartLine : error, "start line not terminated by CRLF");
        }
        // The header block ends at the first empty line; it must be there even when there is no header or body.
        int blankLine = span[lineEnd..].IndexOf("\r\n\r\n"u8);
        if (blankLine < 0)
        {
            return Fail(SipParseError.IncompleteMessage, "no empty line after the headers");
        }
        int headersEnd = lineEnd + blankLine + 2; // just after the CRLF of the last header line
        int bodyStart = headersEnd + 2;

        // Start line first, so that the reason given is the most basic fault (RFC 4475 §3.1.2.7 has a bad
        // Content-Length too, but the Request-URI is what is wrong).
        ReadOnlySpan<byte> startLine = span[pos..lineEnd];
        bool isResponse = startLine.StartsWith("SIP/"u8);
        ReadOnlySpan<byte> methodBytes = default;
        ReadOnlySpan<byte> uriBytes = default;
        ReadOnlySpan<byte> reason = default;
        int code = 0;
        var startError = isResponse
            ? CheckStatusLine(startLine, out code, out reason)
            : CheckRequestLine(startLine, out methodBytes, out uriBytes);
        if (startError.Error != SipParseError.None)
        {
            return startError;
        }

        // Size the entry array from the line count so parsing grows it rarely (list headers may add entries).
        int lines = span[lineEnd..headersEnd].Count(LF);
        var headers = new SipHeaders(data, Math.Min(lines + 2, limits.MaxHeaderCount));
        var headerResult = ParseHeaders(span, lineEnd + 2, headersEnd, limits, headers, out int contentLength);
        if (headerResult.Error != SipParseError.None)
        {
            return headerResult;
        }
        var validation = ValidateRequired(headers, methodBytes);
        if (validation.Error != SipParseError.None)
        {
            return validation;
        }

        // RFC 3261 §18.3: without Content-Length (possible on UDP only) the body is the rest of the datagram;
        // a Content-Length beyond the bytes received is an error; octets past it on a datagram are discarded.
        int available = span.Length - bodyStart;
        if (contentLength > available)
        {
            return Fail(SipParseError.BodyLengthMismatch, "Content-Length exceeds the bytes received");
        }
        ReadOnlyMemory<byte> body = data.Slice(bodyStart, contentLength >= 0 ? contentLength : available);

        SipMessage message;
        if (isResponse)
        {
            message = new SipResponse(code, ReasonText(code, reason), headers, body);
        }
        else
        {
            SipMethod method = SipMethods.Parse(methodBytes);
            string methodName = method == SipMethod.Unknown ? Encoding.UTF8.GetString(methodBytes) : method.ToText();
            // Validated above, so the lazy SipUri parse cannot fail.
            int uriStart = pos + (methodBytes.Length + 1);
            message = new SipRequest(method, methodName, data.Slice(uriStart, uriBytes.Length), headers, body);
        }
        return new SipParseResult(message, SipParseError.None, null);
    }

    private static SipParseResult CheckRequestLine(ReadOnlySpan<byte> line, out ReadOnlySpan<byte> methodBytes, out ReadOnlySpan<byte> uriBytes)
    {
        methodBytes = default;
        uriBytes = default;
        // Request-Line = Method SP Request-URI SP SIP-Version (RFC 3261 §7.1): exactly one SP between elements,
        // none at the end (RFC 4475 §3.1.2.9, §3.1.2.10).
        int sp1 = line.IndexOf((byte)' ');
        int sp2 = line.LastIndexOf((byte)' ');
        if (sp1 <= 0 || sp2 == sp1)
        {
            return Fail(SipParseError.BadStartLine, "expected 'Method SP Request-URI SP SIP-Version'");
        }
        methodBytes = line[..sp1];
        uriBytes = line[(sp1 + 1)..sp2];
        ReadOnlySpan<byte> version = line[(sp2 + 1)..];
        if (version.IsEmpty || uriBytes.IsEmpty || uriBytes[0] == ' ' || uriBytes[^1] == ' ')
        {
            return Fail(SipParseError.BadStartLine, "extra white space in the request line");
        }
        if (!SipSyntax.IsToken(methodBytes))
        {
            return Fail(SipParseError.BadMethod, "method is not a token");
        }
        if (!IsSipVersion(version))
        {
            return Fail(SipParseError.BadVersion, "only SIP/2.0 is supported");
        }
        if (uriBytes.IndexOfAny(" \t"u8) >= 0)
        {
            return Fail(SipParseError.BadRequestUri, "white space in the Request-URI");
        }
        if (uriBytes[0] == '<' || !SipValueValidator.IsValidUri(uriBytes, out bool hasHeaders))
        {
            return Fail(SipParseError.BadRequestUri, "malformed Request-URI");
        }
        if (hasHeaders)
        {
            // Headers are not allowed in a SIP Request-URI (RFC 3261 §19.1.1 table; RFC 4475 §3.1.2.11).
            return Fail(SipParseError.BadRequestUri, "headers in the Request-URI");
        }
        return default;
    }

    private static SipParseResult CheckStatusLine(ReadOnlySpan<byte> line, out int code, out ReadOnlySpan<byte> reason)
    {
        code = 0;
        reason = default;
        // Status-Line = SIP-Version SP Status-Code SP Reason-Phrase (RFC 3261 §7.2); an empty reason phrase with
        // or without its SP is accepted (RFC 4475 §3.1.1.13).
        int sp = line.IndexOf((byte)' ');
        if (sp < 0 || !IsSipVersion(line[..sp]))
        {
            return Fail(sp < 0 ? SipParseError.BadStartLine : SipParseError.BadVersion, "only SIP/2.0 is supported");
        }
        ReadOnlySpan<byte> rest = line[(sp + 1)..];
        if (rest.Length < 3 || (rest.Length > 3 && rest[3] != ' ') ||
            !SipValueValidator.TryParseDecimal(rest[..3], 999, out long value) || value is < 100 or > 699)
        {
            return Fail(SipParseError.BadStatusCode, "status code must be three digits from 100 to 699");
        }
        code = (int)value;
        reason = rest.Length > 4 ? rest[4..] : default;
        foreach (byte b in reason)
        {
            if ((b < 0x20 && b != '\t') || b == 0x7F)
            {
                return Fail(SipParseError.BadStartLine, "control character in the reason phrase");
            }
        }
        return default;
    }

    /// <summary>The usual phrase for the code is shared rather than allocated again for every response.</summary>
    private static string ReasonText(int code, ReadOnlySpan<byte> reason)
    {
        string common = ReasonPhrases.For(code);
        return Ascii.Equals(reason, common) ? common : Encoding.UTF8.GetString(reason);
    }

    /// <summary>SIP-Version is case-insensitive (RFC 3261 §7.1); anything but 2.0 earns a 505 from the engine.</summary>
    private static bool IsSipVersion(ReadOnlySpan<byte> version) => Ascii.EqualsIgnoreCase(version, "SIP/2.0"u8);

    private static SipParseResult Fail(SipParseError error, string detail) => new(null, error, detail);

    /// <summary>
    /// Finds the CRLF ending the line that starts at <paramref name="start"/>, looking at most one line length
    /// ahead so a hostile line costs no more than the limit. A lone CR or LF is refused (RFC 3261 §7.3.1).
    /// </summary>
    private static SipParseError FindLineEnd(ReadOnlySpan<byte> span, int start, int maxLineLength, out int lineEnd)
    {
        lineEnd = -1;
        int window = Math.Min(span.Length - start, maxLineLength + 1);
        int i = span.Slice(start, window).IndexOfAny(CR, LF);
        if (i < 0)
        {
            return window > maxLineLength ? SipParseError.LineTooLong : SipParseError.IncompleteMessage;
        }
        i += start;
        if (span[i] == LF || i + 1 >= span.Length || span[i + 1] != LF)
        {
            return SipParseError.BareLineBreak;
        }
        lineEnd = i;
        return SipParseError.None;
    }
}
