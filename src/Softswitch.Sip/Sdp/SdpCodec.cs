namespace Softswitch.Sip.Sdp;

/// <summary>A payload type with its encoding (from a=rtpmap, RFC 4566 §6, or the RFC 3551 §6 static table).</summary>
public sealed record SdpCodec(int PayloadType, string Name, int ClockRate, int? Channels = null)
{
    /// <summary>RFC 4733 DTMF events: negotiated beside the voice codec, never the call's codec.</summary>
    public bool IsTelephoneEvent => Name.Equals("telephone-event", StringComparison.OrdinalIgnoreCase);

    /// <summary>Comfort noise (RFC 3389), likewise not a voice codec.</summary>
    public bool IsComfortNoise => Name.Equals("CN", StringComparison.OrdinalIgnoreCase);
}
