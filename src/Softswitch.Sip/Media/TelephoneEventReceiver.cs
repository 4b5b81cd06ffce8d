namespace Softswitch.Sip.Media;

/// <summary>
/// RFC 4733 telephone-event receive for one leg: the payload type is the one negotiated in SDP
/// (<c>a=rtpmap:&lt;pt&gt; telephone-event/8000</c>). An event is reported once, when its first end packet arrives
/// (§2.5.1.4: the sender repeats the final packet three times, all with the event's timestamp); repeats are told
/// apart by SSRC and timestamp, the event's identity (§2.5.1.2). A digit whose end packets were all lost is not
/// reported: guessing from a long-running event would risk reporting one twice. Events 0-15 are the DTMF digits
/// 0-9 * # A-D (§3.2, table 1). Single-threaded: the leg's receive loop calls it; it allocates nothing.
/// </summary>
public sealed class TelephoneEventReceiver
{
    private const string Digits = "0123456789*#ABCD";
    private bool _haveLast;
    private uint _lastSsrc;
    private uint _lastTimestamp;

    public TelephoneEventReceiver(int payloadType)
    {
        // A static audio type (0-34) is not what an SDP offers for telephone-event; 35-127 are dynamic or unassigned.
        ArgumentOutOfRangeException.ThrowIfLessThan(payloadType, 35);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(payloadType, 127);
        PayloadType = payloadType;
    }

    public int PayloadType { get; }

    public TelephoneEventVerdict Receive(ReadOnlySpan<byte> packet, out char digit)
    {
        digit = '\0';
        if (!RtpHeader.TryRead(packet, out RtpHeader header, out ReadOnlySpan<byte> payload))
        {
            return TelephoneEventVerdict.Malformed;
        }
        if (header.PayloadType != PayloadType)
        {
            return TelephoneEventVerdict.OtherPayload;
        }
        // §2.3: event (8 bits), E R volume (1+1+6), duration (16); several events may follow (§2.5.1.5), only the
        // first is read: DTMF senders put one event per packet.
        if (payload.Length < 4)
        {
            return TelephoneEventVerdict.Malformed;
        }
        byte eventCode = payload[0];
        bool end = (payload[1] & 0x80) != 0;
        if (!end)
        {
            return TelephoneEventVerdict.EventContinues;
        }
        if (_haveLast && _lastSsrc == header.Ssrc && _lastTimestamp == header.Timestamp)
        {
            return TelephoneEventVerdict.DuplicateEnd;
        }
        _haveLast = true;
        _lastSsrc = header.Ssrc;
        _lastTimestamp = header.Timestamp;
        if (eventCode >= Digits.Length)
        {
            return TelephoneEventVerdict.NotDigit;
        }
        digit = Digits[eventCode];
        return TelephoneEventVerdict.Digit;
    }
}
