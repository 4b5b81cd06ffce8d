using System.Net;

namespace Softswitch.Core.IpLimits;

/// <summary>
/// An IP block (地理围栏, 001_… §3.86): <see cref="Count"/> consecutive IPv4 addresses from <see cref="Ip"/>,
/// with the area it belongs to.
/// </summary>
public sealed record IpLimit(string Ip, long Count, string Area, string Memo)
{
    /// <summary>The first address as a number, for overlap checks.</summary>
    public uint First => ToNumber(IPAddress.Parse(Ip));

    /// <summary>The last address of the block (inclusive).</summary>
    public uint Last => (uint)(First + Count - 1);

    public static uint ToNumber(IPAddress address)
    {
        byte[] b = address.GetAddressBytes();
        return (uint)(b[0] << 24 | b[1] << 16 | b[2] << 8 | b[3]);
    }
}
