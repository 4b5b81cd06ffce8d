namespace Softswitch.Sip.Media;

/// <summary>What <see cref="TelephoneEventReceiver.Receive"/> made of one datagram.</summary>
public enum TelephoneEventVerdict
{
    /// <summary>The end of a new event: the digit is reported, once.</summary>
    Digit,

    /// <summary>A start or continuation packet of an event (no end bit yet): nothing to report.</summary>
    EventContinues,

    /// <summary>A retransmitted end packet (RFC 4733 §2.5.1.4) of an event already reported.</summary>
    DuplicateEnd,

    /// <summary>A well-formed RTP packet of another payload type (audio): not the receiver's.</summary>
    OtherPayload,

    /// <summary>A telephone event that is not a DTMF digit (flash, line tones, RFC 4734 codes): ignored.</summary>
    NotDigit,

    /// <summary>Not a well-formed RTP packet, or a telephone-event payload shorter than its 4 bytes.</summary>
    Malformed,
}
