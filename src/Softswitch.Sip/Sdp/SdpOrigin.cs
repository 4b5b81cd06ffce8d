using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Softswitch.Sip.Sdp;

/// <summary>
/// The o= line (RFC 4566 §5.2): <c>&lt;username&gt; &lt;sess-id&gt; &lt;sess-version&gt; &lt;nettype&gt;
/// &lt;addrtype&gt; &lt;unicast-address&gt;</c>. The session id is kept as text (some stacks send more digits than
/// a 64-bit number holds); the version is a number because RFC 3264 §8 requires it to grow by one per change.
/// </summary>
public sealed record SdpOrigin(
    string Username,
    string SessionId,
    ulong SessionVersion,
    string NetworkType,
    string AddressType,
    string Address)
{
    public static bool TryParse(string value, out SdpOrigin? origin)
    {
        origin = null;
        string[] parts = value.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length != 6 ||
            !ulong.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out ulong version) ||
            !IsDigits(parts[1]))
        {
            return false;
        }
        origin = new SdpOrigin(parts[0], parts[1], version, parts[3], parts[4], parts[5]);
        return true;
    }

    /// <summary>The same origin announced from another address, with the version bumped (RFC 3264 §8).</summary>
    public SdpOrigin WithAddress(IPAddress address, bool bumpVersion) => this with
    {
        AddressType = address.AddressFamily == AddressFamily.InterNetworkV6 ? "IP6" : "IP4",
        Address = address.ToString(),
        SessionVersion = bumpVersion ? unchecked(SessionVersion + 1) : SessionVersion,
    };

    public string Format() => string.Create(
        CultureInfo.InvariantCulture,
        $"{Username} {SessionId} {SessionVersion} {NetworkType} {AddressType} {Address}");

    private static bool IsDigits(string s) => s.Length > 0 && s.AsSpan().IndexOfAnyExceptInRange('0', '9') < 0;
}
