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

/// <summary>Parses SIP messages from bytes (RFC 3261 §7). PLACEHOLDER signatures: the parser work fills these in.</summary>
public static class SipParser
{
    /// <summary>
    /// Parses one whole message (a UDP datagram or a framed TCP message). The returned message keeps references
    /// into <paramref name="data"/>, which must therefore not be reused by the caller.
    /// </summary>
    public static SipParseResult Parse(ReadOnlyMemory<byte> data, SipParserLimits limits) =>
        throw new NotImplementedException();

    /// <summary>
    /// Stream framing (RFC 3261 §18.3): finds where the first message in <paramref name="buffer"/> ends, using
    /// Content-Length (mandatory on streams). Leading CRLF keep-alives (RFC 5626 §3.5.1) are counted in
    /// <paramref name="skip"/>. Consumes nothing when more data is needed.
    /// </summary>
    public static SipFrameStatus TryFrame(ReadOnlySpan<byte> buffer, SipParserLimits limits, out int skip, out int length, out SipParseError error) =>
        throw new NotImplementedException();
}
