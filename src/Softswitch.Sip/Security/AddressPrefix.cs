using System.Globalization;
using System.Net;

namespace Softswitch.Sip.Security;

/// <summary>A network ("192.0.2.0/24", "2001:db8::/32") or one address, matched against sources without allocating.</summary>
internal readonly record struct AddressPrefix(SourceAddress Network, int Bits)
{
    public static readonly AddressPrefix[] Loopback = [Parse("127.0.0.0/8"), Parse("::1")];

    public bool Contains(SourceAddress address) => address.Masked(Bits) == Network;

    public static AddressPrefix Parse(string text) =>
        TryParse(text, out var prefix) ? prefix : throw new FormatException($"'{text}' is not an address or a network");

    /// <summary>
    /// "a.b.c.d/n", "x::y/n" or a bare address; the address may not have bits set past the prefix, so a typo such as
    /// "10.1.2.3/8" is refused instead of silently meaning 10.0.0.0/8.
    /// </summary>
    public static bool TryParse(string? text, out AddressPrefix prefix)
    {
        prefix = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }
        int slash = text.IndexOf('/', StringComparison.Ordinal);
        if (!IPAddress.TryParse(slash < 0 ? text : text[..slash], out var address))
        {
            return false;
        }
        bool v4 = address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork;
        int bits = v4 ? 32 : 128;
        if (slash >= 0 && (!int.TryParse(text.AsSpan(slash + 1), NumberStyles.None, CultureInfo.InvariantCulture, out bits) || bits > (v4 ? 32 : 128)))
        {
            return false;
        }
        // IPv4 networks live in the mapped range, 96 bits in.
        int mappedBits = v4 ? 96 + bits : bits;
        var source = SourceAddress.Of(address);
        if (source.Masked(mappedBits) != source)
        {
            return false;
        }
        prefix = new AddressPrefix(source, mappedBits);
        return true;
    }
}
