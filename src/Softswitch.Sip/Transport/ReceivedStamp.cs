using System.Globalization;
using System.Net;
using Softswitch.Sip.Messages;

namespace Softswitch.Sip.Transport;

/// <summary>Server-side Via processing on receipt of a request (RFC 3261 §18.2.1, RFC 3581 §4).</summary>
internal static class ReceivedStamp
{
    /// <summary>
    /// Adds <c>received</c> when the sent-by host differs from the packet's source address, and fills an empty
    /// <c>rport</c> with the source port, so responses find their way back through NAT. A <c>received</c> the client
    /// wrote itself is replaced by the source address: the parameter states what the server saw, never a claim.
    /// </summary>
    public static void Apply(SipRequest request, IPEndPoint source)
    {
        int index = request.Headers.IndexOf(HeaderKind.Via);
        if (index < 0)
        {
            return;
        }
        SipVia via = request.TopVia;
        bool changed = false;
        string sourceIp = source.Address.IsIPv4MappedToIPv6 ? source.Address.MapToIPv4().ToString() : source.Address.ToString();
        string viaHost = via.Host.Trim('[', ']');
        bool forged = via.Received is { } claimed && !string.Equals(claimed, sourceIp, StringComparison.OrdinalIgnoreCase);
        if (forged || !string.Equals(viaHost, sourceIp, StringComparison.OrdinalIgnoreCase) || via.HasRport)
        {
            via.Parameters.Set("received", sourceIp);
            changed = true;
        }
        if (via.HasRport)
        {
            via.Parameters.Set("rport", source.Port.ToString(CultureInfo.InvariantCulture));
            changed = true;
        }
        if (changed)
        {
            request.Headers.RemoveAt(index);
            request.Headers.Insert(index, HeaderKind.Via, via.ToString());
        }
    }
}
