using System.Globalization;
using Softswitch.Sip.Messages;

namespace Softswitch.Sip.Registrar;

/// <summary>One contact of a REGISTER with the expiry it asks for (RFC 3261 §10.2.1.1: Contact param, else Expires).</summary>
internal readonly record struct RequestedContact(NameAddress Contact, int Expires);

/// <summary>The contact list of a REGISTER, read and checked before anything is changed.</summary>
internal sealed class RegistrationRequest
{
    public bool IsWildcard { get; private init; }

    public IReadOnlyList<RequestedContact> Contacts { get; private init; } = [];

    /// <summary>Reads the Contact headers; returns null and a reason when the request is malformed.</summary>
    public static RegistrationRequest? Read(SipRequest request, int defaultExpires, out string? error)
    {
        error = null;
        int? headerExpires = request.Expires;
        if (request.Headers.Get(HeaderKind.Expires) is not null && headerExpires is null)
        {
            error = "Expires is not a number";
            return null;
        }
        var contacts = new List<RequestedContact>();
        bool wildcard = false;
        foreach (string value in request.Headers.GetAll(HeaderKind.Contact))
        {
            NameAddress contact;
            try
            {
                contact = NameAddress.Parse(value);
            }
            catch (SipFormatException e)
            {
                error = "bad Contact: " + e.Detail;
                return null;
            }
            if (contact.IsWildcard)
            {
                wildcard = true;
                continue;
            }
            int expires = headerExpires ?? defaultExpires;
            if (contact.Parameters.Has("expires"))
            {
                if (!int.TryParse(contact.Parameters.Get("expires"), NumberStyles.None, CultureInfo.InvariantCulture, out expires))
                {
                    error = "Contact expires is not a number";
                    return null;
                }
            }
            contacts.Add(new RequestedContact(contact, expires));
        }
        // RFC 3261 §10.3 step 6: '*' only alone and only with Expires: 0.
        if (wildcard && (contacts.Count > 0 || headerExpires != 0))
        {
            error = "Contact '*' needs Expires: 0 and no other contact";
            return null;
        }
        return new RegistrationRequest { IsWildcard = wildcard, Contacts = contacts };
    }
}
