using System.Buffers;
using System.Net;
using System.Net.Sockets;

namespace Softswitch.Sip.Sdp;

/// <summary>
/// The c= line (RFC 4566 §5.7): <c>IN IP4|IP6 &lt;address&gt;[/ttl][/count]</c>. The multicast suffix is kept
/// apart so a rewrite replaces only the address. The address may be a host name (RFC 4566 allows an FQDN).
/// </summary>
public sealed record SdpConnection(string NetworkType, string AddressType, string Address, string Suffix = "")
{
    private static readonly SearchValues<char> DottedChars = SearchValues.Create("0123456789.");
    private static readonly SearchValues<char> HostChars =
        SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.-");

    /// <summary>The address as an IP, or null when it is a host name.</summary>
    public IPAddress? IpAddress => IPAddress.TryParse(Address, out IPAddress? ip) ? ip : null;

    /// <summary>
    /// c=0.0.0.0: the pre-RFC 3264 way to put a call on hold (RFC 2543 §B.5, still sent by old phones and
    /// gateways; RFC 3264 §8.4 says to accept it).
    /// </summary>
    public bool IsNullAddress => Address is "0.0.0.0" or "::";

    public static SdpConnection For(IPAddress address) => new(
        "IN",
        address.AddressFamily == AddressFamily.InterNetworkV6 ? "IP6" : "IP4",
        address.ToString());

    public static bool TryParse(string value, out SdpConnection? connection)
    {
        connection = null;
        string[] parts = value.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length != 3 || parts[0] != "IN" || (parts[1] != "IP4" && parts[1] != "IP6"))
        {
            return false;
        }
        string address = parts[2];
        string suffix = "";
        int slash = address.IndexOf('/', StringComparison.Ordinal);
        if (slash >= 0)
        {
            suffix = address[slash..];
            address = address[..slash];
        }
        if (address.Length == 0 || !IsAddressOfType(address, parts[1]))
        {
            return false;
        }
        connection = new SdpConnection(parts[0], parts[1], address, suffix);
        return true;
    }

    public string Format() => $"{NetworkType} {AddressType} {Address}{Suffix}";

    private static bool IsAddressOfType(string address, string addressType)
    {
        if (addressType == "IP6")
        {
            // An IPv6 literal or a host name; a dotted IPv4 under IP6 is a sender bug.
            return address.Contains(':', StringComparison.Ordinal)
                ? IPAddress.TryParse(address, out IPAddress? v6) && v6.AddressFamily == AddressFamily.InterNetworkV6
                : IsHostName(address);
        }
        // IP4: all digits and dots must be a real IPv4 address ("999.1.1.1" is not a host name either).
        if (address.AsSpan().IndexOfAnyExcept(DottedChars) < 0)
        {
            return address.Count(c => c == '.') == 3 &&
                IPAddress.TryParse(address, out IPAddress? v4) && v4.AddressFamily == AddressFamily.InterNetwork;
        }
        return IsHostName(address);
    }

    private static bool IsHostName(string address) =>
        address.AsSpan().IndexOfAnyExcept(HostChars) < 0;
}
