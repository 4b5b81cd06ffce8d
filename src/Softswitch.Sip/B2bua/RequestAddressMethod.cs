using System.Net;
using Softswitch.Sip.Messages;

namespace Softswitch.Sip.B2bua;

/// <summary>
/// Where a gateway's in-dialog requests go (001_… §3.11 / §3.16 sipRequestAddressMethod): 0 the address the dialog's
/// first message came from or went to; 1 that IP with the port of the Contact; 2 the Contact's own address. Decided:
/// a Contact whose host is not an IP address (the switch resolves no names here), or that does not parse, keeps
/// method 0; the transport stays the dialog's.
/// </summary>
internal static class RequestAddressMethod
{
    public static SipEndPoint Destination(SipEndPoint original, SipUri? contact, int method)
    {
        if (method is not (1 or 2) || contact is null)
        {
            return original;
        }
        int port = contact.Port ?? 5060;
        if (method == 1)
        {
            return new SipEndPoint(original.Transport, new IPEndPoint(original.EndPoint.Address, port));
        }
        return IPAddress.TryParse(contact.Host.Trim('[', ']'), out var address)
            ? new SipEndPoint(original.Transport, new IPEndPoint(address, port))
            : original;
    }
}
