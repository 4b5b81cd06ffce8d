using System.Buffers.Binary;

namespace Softswitch.Sip.Media;

/// <summary>
/// The fixed RTP header (RFC 3550 §5.1): written by the player, read by the telephone-event receiver. Reading checks
/// the version, the CSRC list, the extension (§5.3.1) and the padding (§5.1 P bit) against the datagram's length,
/// so a hostile datagram yields "malformed", never an out-of-range read.
/// </summary>
public readonly record struct RtpHeader(bool Marker, byte PayloadType, ushort Sequence, uint Timestamp, uint Ssrc)
{
    public const int Size = 12;
    private const byte Version2 = 0x80;

    /// <summary>Writes the 12 bytes (no CSRC, no extension, no padding) at the start of <paramref name="packet"/>.</summary>
    public void Write(Span<byte> packet)
    {
        packet[0] = Version2;
        packet[1] = (byte)((Marker ? 0x80 : 0) | (PayloadType & 0x7F));
        BinaryPrimitives.WriteUInt16BigEndian(packet[2..], Sequence);
        BinaryPrimitives.WriteUInt32BigEndian(packet[4..], Timestamp);
        BinaryPrimitives.WriteUInt32BigEndian(packet[8..], Ssrc);
    }

    /// <summary>The header and the payload it frames, or false when the datagram is not a well-formed RTP packet.</summary>
    public static bool TryRead(ReadOnlySpan<byte> packet, out RtpHeader header, out ReadOnlySpan<byte> payload)
    {
        header = default;
        payload = default;
        if (packet.Length < Size || (packet[0] & 0xC0) != Version2)
        {
            return false;
        }
        int offset = Size + (packet[0] & 0x0F) * 4;
        if ((packet[0] & 0x10) != 0)
        {
            if (packet.Length < offset + 4)
            {
                return false;
            }
            offset += 4 + BinaryPrimitives.ReadUInt16BigEndian(packet[(offset + 2)..]) * 4;
        }
        int end = packet.Length;
        if ((packet[0] & 0x20) != 0)
        {
            end -= packet[^1];
        }
        if (offset > end || end < Size)
        {
            return false;
        }
        header = new RtpHeader(
            (packet[1] & 0x80) != 0,
            (byte)(packet[1] & 0x7F),
            BinaryPrimitives.ReadUInt16BigEndian(packet[2..]),
            BinaryPrimitives.ReadUInt32BigEndian(packet[4..]),
            BinaryPrimitives.ReadUInt32BigEndian(packet[8..]));
        payload = packet[offset..end];
        return true;
    }
}
