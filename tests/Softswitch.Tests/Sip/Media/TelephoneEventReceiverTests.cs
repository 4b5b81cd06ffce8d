using System.Buffers.Binary;
using Softswitch.Sip.Media;

namespace Softswitch.Tests.Sip.Media;

public sealed class TelephoneEventReceiverTests
{
    private const int EventType = 101;

    /// <summary>An RFC 4733 §2.3 packet: event, E bit, volume 10, duration.</summary>
    private static byte[] Event(byte code, bool end, ushort duration, uint timestamp, ushort sequence, bool marker = false, uint ssrc = 0x1234)
    {
        var packet = new byte[RtpHeader.Size + 4];
        new RtpHeader(marker, EventType, sequence, timestamp, ssrc).Write(packet);
        packet[12] = code;
        packet[13] = (byte)((end ? 0x80 : 0) | 10);
        BinaryPrimitives.WriteUInt16BigEndian(packet.AsSpan(14), duration);
        return packet;
    }

    /// <summary>What a phone sends for one key press (§2.5.1): start with marker, updates, the end packet three times.</summary>
    private static IEnumerable<byte[]> KeyPress(byte code, uint timestamp, ushort sequence)
    {
        yield return Event(code, false, 160, timestamp, sequence, marker: true);
        yield return Event(code, false, 320, timestamp, (ushort)(sequence + 1));
        yield return Event(code, false, 480, timestamp, (ushort)(sequence + 2));
        for (int i = 0; i < 3; i++)
        {
            yield return Event(code, true, 640, timestamp, (ushort)(sequence + 3 + i));
        }
    }

    private static string Digits(TelephoneEventReceiver receiver, IEnumerable<byte[]> packets)
    {
        var digits = new System.Text.StringBuilder();
        foreach (byte[] packet in packets)
        {
            if (receiver.Receive(packet, out char digit) == TelephoneEventVerdict.Digit)
            {
                digits.Append(digit);
            }
        }
        return digits.ToString();
    }

    [Test]
    public void Each_key_press_is_reported_once_despite_its_three_end_packets()
    {
        var receiver = new TelephoneEventReceiver(EventType);
        var packets = KeyPress(1, 1000, 10).Concat(KeyPress(11, 2000, 16)).Concat(KeyPress(10, 3000, 22))
            .Concat(KeyPress(0, 4000, 28)).Concat(KeyPress(15, 5000, 34)).Concat(KeyPress(1, 6000, 40));

        Assert.That(Digits(receiver, packets), Is.EqualTo("1#*0D1"), "the same digit twice is two presses: two timestamps");
    }

    [Test]
    public void The_verdicts_of_one_press_in_order()
    {
        var receiver = new TelephoneEventReceiver(EventType);

        var verdicts = KeyPress(5, 1000, 10).Select(p => receiver.Receive(p, out _)).ToArray();

        Assert.That(verdicts, Is.EqualTo(new[]
        {
            TelephoneEventVerdict.EventContinues, TelephoneEventVerdict.EventContinues, TelephoneEventVerdict.EventContinues,
            TelephoneEventVerdict.Digit, TelephoneEventVerdict.DuplicateEnd, TelephoneEventVerdict.DuplicateEnd,
        }));
    }

    [Test]
    public void An_end_packet_repeated_late_after_other_traffic_is_still_a_duplicate()
    {
        var receiver = new TelephoneEventReceiver(EventType);
        byte[] end = Event(7, true, 800, 1000, 20);

        Assert.That(receiver.Receive(end, out char digit), Is.EqualTo(TelephoneEventVerdict.Digit));
        Assert.That(digit, Is.EqualTo('7'));
        Assert.That(receiver.Receive(Event(7, false, 160, 2000, 21, marker: true), out _), Is.EqualTo(TelephoneEventVerdict.EventContinues));
        Assert.That(receiver.Receive(end, out _), Is.EqualTo(TelephoneEventVerdict.DuplicateEnd));
    }

    [Test]
    public void The_same_timestamp_from_another_SSRC_is_another_event()
    {
        var receiver = new TelephoneEventReceiver(EventType);

        Assert.That(receiver.Receive(Event(2, true, 800, 1000, 20, ssrc: 1), out _), Is.EqualTo(TelephoneEventVerdict.Digit));
        Assert.That(receiver.Receive(Event(3, true, 800, 1000, 90, ssrc: 2), out char digit), Is.EqualTo(TelephoneEventVerdict.Digit));
        Assert.That(digit, Is.EqualTo('3'));
    }

    [Test]
    public void Audio_packets_are_not_the_receivers()
    {
        var receiver = new TelephoneEventReceiver(EventType);
        var audio = new byte[RtpHeader.Size + 160];
        new RtpHeader(false, 0, 1, 160, 7).Write(audio);

        Assert.That(receiver.Receive(audio, out _), Is.EqualTo(TelephoneEventVerdict.OtherPayload));
    }

    [Test]
    public void Flash_and_line_events_are_not_digits()
    {
        var receiver = new TelephoneEventReceiver(EventType);

        Assert.That(receiver.Receive(Event(16, true, 800, 1000, 1), out char digit), Is.EqualTo(TelephoneEventVerdict.NotDigit));
        Assert.That(digit, Is.EqualTo('\0'));
        Assert.That(receiver.Receive(Event(16, true, 800, 1000, 2), out _), Is.EqualTo(TelephoneEventVerdict.DuplicateEnd));
    }

    [Test]
    public void Header_extension_and_padding_are_skipped()
    {
        var receiver = new TelephoneEventReceiver(EventType);
        byte[] plain = Event(9, true, 800, 1000, 1);
        // One CSRC, a one-word extension, the payload, then 4 bytes of padding whose last byte says 4.
        var packet = new byte[12 + 4 + 8 + 4 + 4];
        plain.AsSpan(0, 12).CopyTo(packet);
        packet[0] = 0x80 | 0x20 | 0x10 | 1;
        BinaryPrimitives.WriteUInt16BigEndian(packet.AsSpan(16 + 2), 1);
        plain.AsSpan(12, 4).CopyTo(packet.AsSpan(24));
        packet[^1] = 4;

        Assert.That(receiver.Receive(packet, out char digit), Is.EqualTo(TelephoneEventVerdict.Digit));
        Assert.That(digit, Is.EqualTo('9'));
    }

    private static IEnumerable<TestCaseData> MalformedPackets()
    {
        yield return new TestCaseData(Array.Empty<byte>()).SetName("Malformed: empty datagram");
        yield return new TestCaseData(new byte[11]).SetName("Malformed: shorter than the RTP header");
        byte[] version1 = Event(1, true, 800, 1, 1);
        version1[0] = 0x40;
        yield return new TestCaseData(version1).SetName("Malformed: RTP version 1");
        yield return new TestCaseData(Event(1, true, 800, 1, 1)[..14]).SetName("Malformed: event payload of 2 bytes");
        byte[] csrcs = Event(1, true, 800, 1, 1);
        csrcs[0] = 0x80 | 15;
        yield return new TestCaseData(csrcs).SetName("Malformed: 15 CSRCs beyond the datagram");
        byte[] extension = Event(1, true, 800, 1, 1);
        extension[0] = 0x90;
        extension[15] = 0xFF;
        yield return new TestCaseData(extension).SetName("Malformed: extension longer than the datagram");
        byte[] padding = Event(1, true, 800, 1, 1);
        padding[0] = 0xA0;
        padding[^1] = 200;
        yield return new TestCaseData(padding).SetName("Malformed: padding longer than the datagram");
    }

    [TestCaseSource(nameof(MalformedPackets))]
    public void A_malformed_datagram_is_refused_without_a_digit(byte[] packet)
    {
        var receiver = new TelephoneEventReceiver(EventType);

        Assert.That(receiver.Receive(packet, out char digit), Is.EqualTo(TelephoneEventVerdict.Malformed));
        Assert.That(digit, Is.EqualTo('\0'));
    }

    [TestCase(0)]
    [TestCase(8)]
    [TestCase(128)]
    public void A_static_audio_or_out_of_range_payload_type_is_refused(int payloadType)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => _ = new TelephoneEventReceiver(payloadType));
    }
}
