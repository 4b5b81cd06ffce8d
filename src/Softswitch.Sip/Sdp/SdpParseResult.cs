namespace Softswitch.Sip.Sdp;

/// <summary>The result of parsing a session description: the session, or why it was refused.</summary>
public readonly record struct SdpParseResult(SdpSession? Session, SdpParseError Error, string? Detail)
{
    public bool Success => Session is not null;
}
