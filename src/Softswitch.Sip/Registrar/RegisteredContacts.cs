using Softswitch.Core.Registrations;
using Softswitch.Sip.Messages;

namespace Softswitch.Sip.Registrar;

/// <summary>
/// Where requests for a registered phone go (INVITEs of the B2BUA, relayed MESSAGEs): one target per live binding,
/// read from the registration table at the moment of sending.
/// </summary>
internal sealed class RegisteredContacts(RegistrationTable registrations, TimeProvider time)
{
    /// <summary>One (Request-URI, transport address) per live registered contact of the phone; empty when none.</summary>
    public List<(SipUri Contact, SipEndPoint Destination)> Of(string e164)
    {
        var contacts = new List<(SipUri, SipEndPoint)>();
        foreach (var binding in registrations.Get(e164, time.GetUtcNow()))
        {
            if (SipUri.TryParse(binding.ContactUri, out var uri) && Destination(binding, uri!) is { } destination)
            {
                contacts.Add((uri!, destination));
            }
        }
        return contacts;
    }

    /// <summary>
    /// Where requests for a binding go: the Contact's address when it is the address the REGISTER came from (a
    /// phone registered "on its own address" receives requests there), else the REGISTER's source address and port,
    /// because the Contact then names an address behind NAT that only the source can reach (RFC 3581 in spirit).
    /// </summary>
    private static SipEndPoint? Destination(RegistrationBinding binding, SipUri contact) =>
        Destination(binding.Transport, binding.SourceIp, binding.SourcePort, contact);

    /// <summary>The (Request-URI, transport address) of a contact the router chose; null when it does not parse.</summary>
    public static (SipUri Contact, SipEndPoint Destination)? Target(Core.Routing.PhoneContact contact) =>
        SipUri.TryParse(contact.ContactUri, out var uri) && Destination(contact.Transport, contact.Ip, contact.Port, uri!) is { } destination
            ? (uri!, destination)
            : null;

    private static SipEndPoint? Destination(string transportName, string sourceAddress, int sourcePort, SipUri contact)
    {
        if (!System.Net.IPAddress.TryParse(sourceAddress, out var sourceIp))
        {
            return null;
        }
        var transport = transportName == "TCP" ? SipTransportKind.Tcp : SipTransportKind.Udp;
        if (transport == SipTransportKind.Udp && System.Net.IPAddress.TryParse(contact.Host.Trim('[', ']'), out var contactIp) && contactIp.Equals(sourceIp))
        {
            return new SipEndPoint(transport, new System.Net.IPEndPoint(contactIp, contact.Port ?? 5060));
        }
        return new SipEndPoint(transport, new System.Net.IPEndPoint(sourceIp, sourcePort));
    }
}
