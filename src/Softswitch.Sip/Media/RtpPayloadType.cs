namespace Softswitch.Sip.Media;

/// <summary>The static G.711 payload types the media player sends (RFC 3551 §6, table 4).</summary>
public enum RtpPayloadType : byte
{
    /// <summary>G.711 µ-law, 8000 Hz.</summary>
    Pcmu = 0,

    /// <summary>G.711 A-law, 8000 Hz.</summary>
    Pcma = 8,
}
