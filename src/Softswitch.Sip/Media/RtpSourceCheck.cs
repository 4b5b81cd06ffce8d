namespace Softswitch.Sip.Media;

/// <summary>
/// rtp.sourceCheck: which sources the relay takes a leg's media from (docs/hardening.md "RTP relay"). Either way a
/// packet from anywhere else is dropped and counted, and an established stream is never taken over while it is
/// flowing (rtpengine's "RTP bleed" mitigation).
/// </summary>
public enum RtpSourceCheck
{
    /// <summary>
    /// Symmetric latching for NAT (RFC 4961, RFC 7362 §4): the first packet from the IP address of the leg's SDP c= line
    /// or of its signalling source, on any port, fixes where the phone is; another such address takes over only after
    /// the latched one has been silent for relatchAfterSilenceSeconds.
    /// </summary>
    Latch = 0,

    /// <summary>
    /// Only the exact address and port the leg's SDP names (RTCP: port + 1, or a=rtcp); for peers with public
    /// addresses. Phones behind NAT get no audio in this mode.
    /// </summary>
    Strict = 1,
}
