namespace Softswitch.Sip.Messages;

/// <summary>Why a message was refused; the text of each becomes the 400 reason phrase.</summary>
public enum SipParseError
{
    None,
    MessageTooLarge,
    LineTooLong,
    TooManyHeaders,
    BadStartLine,
    BadMethod,
    BadRequestUri,
    BadVersion,
    BadStatusCode,
    BadHeaderName,
    BadHeaderValue,
    MissingHeader,
    BadContentLength,
    BodyLengthMismatch,
    BadUri,
    BadVia,
    BadNameAddress,
    BadCSeq,
    CSeqMethodMismatch,

    /// <summary>A single-valued header (Call-ID, CSeq, From, To, Max-Forwards) appears more than once (RFC 4475 §3.3.8).</summary>
    DuplicateHeader,

    /// <summary>The header block does not end with an empty line (CRLF CRLF, RFC 3261 §7).</summary>
    IncompleteMessage,

    /// <summary>A CR or LF that is not part of a CRLF pair (RFC 3261 §7.3.1).</summary>
    BareLineBreak,
}

public sealed class SipFormatException(SipParseError error, string detail)
    : FormatException($"{error}: {detail}")
{
    public SipParseError Error { get; } = error;

    public string Detail { get; } = detail;
}
