using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text;
using System.Text.Unicode;

namespace Softswitch.Sip.Sdp;

/// <summary>
/// Parses session descriptions (RFC 4566 §5) from a SIP body. Limits are checked first; hostile input yields a
/// result with an error and a detail naming the line, never an exception. Deliberately lenient where real phones
/// differ from the RFC and nothing depends on it: bare LF line ends (RFC 4566 §5 allows accepting them), a
/// missing t=, unknown line types (kept, not refused, so they round-trip), trailing empty lines.
/// </summary>
public static class SdpParser
{
    /// <summary>Session-only types that must not follow the first m= (RFC 4566 §5 ordering).</summary>
    private const string SessionOnlyTypes = "vosuepztr";

    public static SdpParseResult Parse(ReadOnlySpan<byte> data, SdpParserLimits? limits = null)
    {
        limits ??= SdpParserLimits.Default;
        if (data.Length > limits.MaxBytes)
        {
            return Fail(SdpParseError.TooLarge, $"{data.Length} bytes, limit {limits.MaxBytes}");
        }
        if (!Utf8.IsValid(data))
        {
            return Fail(SdpParseError.BadEncoding, "not UTF-8 (RFC 4566 §5)");
        }
        return ParseCore(Encoding.UTF8.GetString(data), limits);
    }

    public static SdpParseResult Parse(string text, SdpParserLimits? limits = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        limits ??= SdpParserLimits.Default;
        // Counting UTF-16 units: never more than the UTF-8 bytes, so the same limit holds.
        return text.Length > limits.MaxBytes
            ? Fail(SdpParseError.TooLarge, $"{text.Length} characters, limit {limits.MaxBytes}")
            : ParseCore(text, limits);
    }

    public static bool TryParse(
        ReadOnlySpan<byte> data,
        [NotNullWhen(true)] out SdpSession? session,
        out SdpParseError error,
        out string? detail)
    {
        SdpParseResult result = Parse(data);
        (session, error, detail) = (result.Session, result.Error, result.Detail);
        return session is not null;
    }

    private static SdpParseResult ParseCore(string text, SdpParserLimits limits)
    {
        try
        {
            return ParseLines(text, limits);
        }
        catch (Exception e) when (e is FormatException or OverflowException or ArgumentException)
        {
            // Every field is checked with TryParse before use; this is a net so TryParse never throws.
            return Fail(SdpParseError.BadLineSyntax, e.Message);
        }
    }

    private static SdpParseResult ParseLines(string text, SdpParserLimits limits)
    {
        List<string>? raw = SplitLines(text, limits, out SdpParseResult failure);
        if (raw is null)
        {
            return failure;
        }
        var sessionLines = new List<SdpLine>();
        var media = new List<SdpMedia>();
        List<SdpLine>? current = null;
        bool sawSessionName = false;
        bool sawSessionConnection = false;
        for (int n = 0; n < raw.Count; n++)
        {
            string line = raw[n];
            int number = n + 1;
            if (line.Length < 2 || line[1] != '=' || line[0] < 'a' || line[0] > 'z')
            {
                return Fail(SdpParseError.BadLineSyntax, $"line {number}: expected <letter>=<value>");
            }
            if (line.AsSpan(2).IndexOfAnyInRange('\0', '\u001f') >= 0)
            {
                return Fail(SdpParseError.BadEncoding, $"line {number}: control character");
            }
            var sdpLine = new SdpLine(line[0], line[2..]);
            if (n == 0)
            {
                if (sdpLine.Type != 'v')
                {
                    return Fail(SdpParseError.MissingVersion, "line 1 is not v= (RFC 4566 §5)");
                }
                if (sdpLine.Value != "0")
                {
                    return Fail(SdpParseError.BadVersion, $"v={sdpLine.Value} (RFC 4566 §5.1 defines 0)");
                }
            }
            else if (n == 1 && sdpLine.Type != 'o')
            {
                return Fail(SdpParseError.MissingOrigin, "line 2 is not o= (RFC 4566 §5)");
            }
            SdpParseResult? error = CheckLine(sdpLine, number, current is not null);
            if (error is not null)
            {
                return error.Value;
            }
            switch (sdpLine.Type)
            {
                case 'v' or 'o' when n > 1:
                    return Fail(SdpParseError.DuplicateLine, $"line {number}: second {sdpLine.Type}=");
                case 's' when sawSessionName:
                    return Fail(SdpParseError.DuplicateLine, $"line {number}: second s=");
                case 's':
                    sawSessionName = true;
                    break;
                case 'c' when current is null && sawSessionConnection:
                    return Fail(SdpParseError.DuplicateLine, $"line {number}: second session-level c=");
                case 'c' when current is null:
                    sawSessionConnection = true;
                    break;
            }
            if (sdpLine.Type == 'm')
            {
                if (!sawSessionName)
                {
                    return Fail(SdpParseError.MissingSessionName, "no s= before the first m= (RFC 4566 §5.3)");
                }
                if (media.Count == limits.MaxMedia)
                {
                    return Fail(SdpParseError.TooManyMedia, $"more than {limits.MaxMedia} m= lines");
                }
                current = [sdpLine];
                SdpParseResult? bad = ParseMediaLine(sdpLine.Value, number, current, out SdpMedia? m);
                if (bad is not null)
                {
                    return bad.Value;
                }
                media.Add(m!);
            }
            else
            {
                (current ?? sessionLines).Add(sdpLine);
            }
        }
        return Finish(sessionLines, media, sawSessionName, sawSessionConnection);
    }

    private static SdpParseResult Finish(List<SdpLine> sessionLines, List<SdpMedia> media, bool sawName, bool sawC)
    {
        if (!sawName)
        {
            return Fail(SdpParseError.MissingSessionName, "no s= line (RFC 4566 §5.3)");
        }
        if (media.Count == 0)
        {
            return Fail(SdpParseError.MissingMedia, "no m= line");
        }
        for (int i = 0; i < media.Count; i++)
        {
            if (!sawC && media[i].Port != 0 && media[i].Connection is null)
            {
                return Fail(SdpParseError.MissingConnection, $"m= #{i + 1} has no c= and the session has none");
            }
        }
        return new SdpParseResult(new SdpSession(sessionLines, media), SdpParseError.None, null);
    }

    /// <summary>Checks the value of each known line type against its RFC 4566 §5 grammar.</summary>
    private static SdpParseResult? CheckLine(SdpLine line, int number, bool inMedia)
    {
        if (inMedia && SessionOnlyTypes.Contains(line.Type, StringComparison.Ordinal))
        {
            return Fail(SdpParseError.LineOutOfOrder, $"line {number}: {line.Type}= after the first m=");
        }
        switch (line.Type)
        {
            case 'o' when !SdpOrigin.TryParse(line.Value, out _):
                return Fail(SdpParseError.BadOrigin, $"line {number}: o={line.Value}");
            case 'c' when !SdpConnection.TryParse(line.Value, out _):
                return Fail(SdpParseError.BadConnection, $"line {number}: c={line.Value}");
            case 't' when !IsTiming(line.Value):
                return Fail(SdpParseError.BadTiming, $"line {number}: t={line.Value}");
            case 'b' when !IsBandwidth(line.Value):
                return Fail(SdpParseError.BadBandwidth, $"line {number}: b={line.Value}");
            case 'a' when !IsAttribute(line.Value):
                return Fail(SdpParseError.BadAttribute, $"line {number}: a={line.Value}");
            default:
                return null;
        }
    }

    /// <summary>
    /// m=&lt;media&gt; &lt;port&gt;[/&lt;count&gt;] &lt;proto&gt; &lt;fmt&gt; ... (RFC 4566 §5.14); proto is token *("/" token).
    /// </summary>
    private static SdpParseResult? ParseMediaLine(string value, int number, List<SdpLine> lines, out SdpMedia? media)
    {
        media = null;
        string[] parts = value.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length < 4 || !IsToken(parts[0]) || !parts[2].Split('/').All(IsToken))
        {
            return Fail(SdpParseError.BadMediaLine, $"line {number}: m={value}");
        }
        string portText = parts[1];
        int? count = null;
        int slash = portText.IndexOf('/', StringComparison.Ordinal);
        if (slash >= 0)
        {
            if (!TryPort(portText[(slash + 1)..], out int c) || c == 0)
            {
                return Fail(SdpParseError.BadPort, $"line {number}: port count in {portText}");
            }
            count = c;
            portText = portText[..slash];
        }
        if (!TryPort(portText, out int port))
        {
            return Fail(SdpParseError.BadPort, $"line {number}: port {portText}");
        }
        string[] formats = parts[3..];
        if (parts[2].Contains("RTP/", StringComparison.Ordinal))
        {
            foreach (string format in formats)
            {
                if (!int.TryParse(format, NumberStyles.None, CultureInfo.InvariantCulture, out int pt) || pt > 127)
                {
                    return Fail(SdpParseError.BadPayloadType, $"line {number}: payload type {format}");
                }
            }
        }
        media = new SdpMedia(lines, parts[0], port, count, parts[2], formats);
        return null;
    }

    private static List<string>? SplitLines(string text, SdpParserLimits limits, out SdpParseResult failure)
    {
        failure = default;
        var lines = new List<string>();
        int start = 0;
        while (start < text.Length)
        {
            int lf = text.IndexOf('\n', start);
            int end = lf < 0 ? text.Length : lf;
            int contentEnd = end > start && text[end - 1] == '\r' ? end - 1 : end;
            if (contentEnd - start > limits.MaxLineLength)
            {
                failure = Fail(SdpParseError.LineTooLong, $"line {lines.Count + 1}: over {limits.MaxLineLength}");
                return null;
            }
            if (lines.Count == limits.MaxLines)
            {
                failure = Fail(SdpParseError.TooManyLines, $"more than {limits.MaxLines} lines");
                return null;
            }
            lines.Add(text[start..contentEnd]);
            start = lf < 0 ? text.Length : lf + 1;
        }
        // Trailing empty lines (an extra CRLF after the body) are harmless; an empty line inside is not.
        while (lines.Count > 0 && lines[^1].Length == 0)
        {
            lines.RemoveAt(lines.Count - 1);
        }
        if (lines.Count == 0)
        {
            failure = Fail(SdpParseError.Empty, "no lines");
            return null;
        }
        return lines;
    }

    private static bool TryPort(string text, out int port) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out port) && port <= 65_535;

    private static bool IsTiming(string value)
    {
        string[] parts = value.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return parts.Length == 2 && parts.All(p => ulong.TryParse(p, NumberStyles.None, CultureInfo.InvariantCulture, out _));
    }

    private static bool IsBandwidth(string value)
    {
        int colon = value.IndexOf(':', StringComparison.Ordinal);
        return colon > 0 && IsToken(value[..colon]) &&
            ulong.TryParse(value.AsSpan(colon + 1), NumberStyles.None, CultureInfo.InvariantCulture, out _);
    }

    private static bool IsAttribute(string value) => IsToken(SdpAttributes.NameOf(value));

    /// <summary>token (RFC 4566 §9): visible ASCII except the separators.</summary>
    private static bool IsToken(string s) =>
        s.Length > 0 && s.AsSpan().IndexOfAnyExcept(TokenChars) < 0;

    private static readonly System.Buffers.SearchValues<char> TokenChars = System.Buffers.SearchValues.Create(
        "!#$%&'*+-.0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ^_`abcdefghijklmnopqrstuvwxyz{|}~");

    private static SdpParseResult Fail(SdpParseError error, string detail) => new(null, error, detail);
}
