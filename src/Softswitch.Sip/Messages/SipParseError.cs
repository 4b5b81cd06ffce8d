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
}

public sealed class SipFormatException(SipParseError error, string detail)
    : FormatException($"{error}: {detail}")
{
    public SipParseError Error { get; } = error;

    public string Detail { get; } = detail;
}
