using System.Buffers.Binary;
using System.Net;

namespace Softswitch.Sip.Security;

/// <summary>
/// An IP address as a 128-bit value, IPv4 in its IPv4-mapped IPv6 form (::ffff:a.b.c.d), so the two spellings a
/// dual-stack socket reports share one key. Built from the address bytes on the stack: a lookup allocates nothing.
/// </summary>
internal readonly record struct SourceAddress(ulong High, ulong Low)
{
    private const ulong MappedPrefix = 0x0000_FFFF_0000_0000;

    public static SourceAddress Of(IPAddress address)
    {
        Span<byte> bytes = stackalloc byte[16];
        if (!address.TryWriteBytes(bytes, out int written))
        {
            throw new ArgumentException("not an IPv4 or IPv6 address", nameof(address));
        }
        return written == 4
            ? new SourceAddress(0, MappedPrefix | BinaryPrimitives.ReadUInt32BigEndian(bytes))
            : new SourceAddress(BinaryPrimitives.ReadUInt64BigEndian(bytes), BinaryPrimitives.ReadUInt64BigEndian(bytes[8..]));
    }

    /// <summary>The address with every bit past the first <paramref name="bits"/> (0-128) cleared.</summary>
    public SourceAddress Masked(int bits) => bits switch
    {
        <= 0 => default,
        < 64 => new SourceAddress(High & ~(ulong.MaxValue >> bits), 0),
        64 => new SourceAddress(High, 0),
        < 128 => new SourceAddress(High, Low & ~(ulong.MaxValue >> (bits - 64))),
        _ => this,
    };
}
