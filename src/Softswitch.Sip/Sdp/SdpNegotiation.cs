namespace Softswitch.Sip.Sdp;

/// <summary>What an offer/answer exchange (RFC 3264) settled on, for the call record (VOS3000 callCodec).</summary>
public static class SdpNegotiation
{
    /// <summary>
    /// The call's voice codec: the first payload type of the answer's first active audio stream (RFC 3264 §6.1:
    /// the answerer lists what it will use, preferred first), skipping telephone-event and CN which ride along.
    /// A dynamic type the answer does not map is looked up in the matching offer stream (same index, RFC 3264
    /// §6), since the answerer must reuse the offer's numbers. Null when no audio stream was accepted.
    /// </summary>
    public static SdpCodec? NegotiatedCodec(SdpSession? offer, SdpSession answer)
    {
        ArgumentNullException.ThrowIfNull(answer);
        for (int i = 0; i < answer.Media.Count; i++)
        {
            SdpMedia media = answer.Media[i];
            if (!media.IsAudio || media.Port == 0 || !media.IsRtp)
            {
                continue;
            }
            SdpMedia? offered = offer is not null && i < offer.Media.Count ? offer.Media[i] : null;
            foreach (int pt in media.PayloadTypes)
            {
                SdpCodec? codec = media.Codec(pt) ?? offered?.Codec(pt);
                if (codec is not null && !codec.IsTelephoneEvent && !codec.IsComfortNoise)
                {
                    return codec;
                }
            }
            return null;
        }
        return null;
    }

    /// <summary>The codec names of the first active audio stream, comma-separated (VOS3000 callerCodec/calleeCodec).</summary>
    public static string CodecList(SdpSession session)
    {
        ArgumentNullException.ThrowIfNull(session);
        return session.FirstActiveAudio is { } audio
            ? string.Join(',', audio.Codecs.Select(c => c.Name))
            : "";
    }
}
