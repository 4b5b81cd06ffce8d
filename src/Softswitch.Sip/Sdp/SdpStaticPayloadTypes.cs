namespace Softswitch.Sip.Sdp;

/// <summary>The static RTP/AVP payload types of RFC 3551 §6 (tables 4 and 5) that need no a=rtpmap.</summary>
public static class SdpStaticPayloadTypes
{
    private static readonly SdpCodec?[] Table = Build();

    /// <summary>The codec a static payload type stands for, or null for an unassigned or dynamic type.</summary>
    public static SdpCodec? Lookup(int payloadType) =>
        (uint)payloadType < (uint)Table.Length ? Table[payloadType] : null;

    private static SdpCodec?[] Build()
    {
        var t = new SdpCodec?[35];
        Add(t, 0, "PCMU", 8000);
        Add(t, 3, "GSM", 8000);
        Add(t, 4, "G723", 8000);
        Add(t, 5, "DVI4", 8000);
        Add(t, 6, "DVI4", 16000);
        Add(t, 7, "LPC", 8000);
        Add(t, 8, "PCMA", 8000);
        // G722 is clocked at 8000 in SDP for historical reasons though it samples at 16 kHz (RFC 3551 §4.5.2).
        Add(t, 9, "G722", 8000);
        Add(t, 10, "L16", 44100, 2);
        Add(t, 11, "L16", 44100);
        Add(t, 12, "QCELP", 8000);
        Add(t, 13, "CN", 8000);
        Add(t, 14, "MPA", 90000);
        Add(t, 15, "G728", 8000);
        Add(t, 16, "DVI4", 11025);
        Add(t, 17, "DVI4", 22050);
        Add(t, 18, "G729", 8000);
        Add(t, 25, "CelB", 90000);
        Add(t, 26, "JPEG", 90000);
        Add(t, 28, "nv", 90000);
        Add(t, 31, "H261", 90000);
        Add(t, 32, "MPV", 90000);
        Add(t, 33, "MP2T", 90000);
        Add(t, 34, "H263", 90000);
        return t;
    }

    private static void Add(SdpCodec?[] table, int pt, string name, int rate, int? channels = null) =>
        table[pt] = new SdpCodec(pt, name, rate, channels);
}
