using System.Globalization;
using Softswitch.Core.Gateways;
using Softswitch.Sip.Messages;

namespace Softswitch.Sip.Registrar;

public sealed partial class Registrar
{
    /// <summary>
    /// RFC 3261 §10.3 steps 5-8 for an authenticated registerType 1 gateway (docs/trunks.md "Gateways registering to
    /// the switch"): the To user must be its name, a fully locked gateway is refused, and a gateway binds one contact
    /// (it is one trunk at one address). The binding goes into <see cref="GatewayPresence"/> through Core.
    /// </summary>
    private SipResponse RegisterGateway(SipRequest request, GatewayRegistrant gateway, string toTag)
    {
        if (!string.Equals(request.To.Uri.User, gateway.Name, StringComparison.Ordinal))
        {
            return Refuse(request, 403, "Forbidden - To does not match the authenticated gateway", toTag);
        }
        if (gateway.Locked)
        {
            return Refuse(request, 403, "Forbidden - gateway locked", toTag);
        }
        RecordAuthSuccess(request.Source!.EndPoint.Address, gateway.Name);
        var requested = RegistrationRequest.Read(request, _options.DefaultExpires, out string? error);
        if (requested is null)
        {
            return Refuse(request, 400, "Bad Request - " + error, toTag);
        }
        var gateways = _gateways!;
        DateTimeOffset now = _time.GetUtcNow();
        if (requested.IsWildcard)
        {
            gateways.Unbind(gateway);
            return GatewayOk(request, gateway, now, toTag);
        }
        if (requested.Contacts.Count(c => c.Expires > 0) > 1)
        {
            return Refuse(request, 403, "Forbidden - a gateway binds one contact", toTag);
        }
        var current = gateways.CurrentOf(gateway, now)?.Binding;
        foreach (var contact in requested.Contacts)
        {
            if (contact.Expires > 0 && contact.Expires < _options.MinExpires)
            {
                var tooBrief = Refuse(request, 423, null, toTag);
                tooBrief.Headers.Add(HeaderKind.MinExpires, _options.MinExpires.ToString(CultureInfo.InvariantCulture));
                return tooBrief;
            }
        }
        // §10.3 step 7: a request with the same Call-ID and an older CSeq must not undo a newer one.
        if (current is not null && current.CallId == request.CallId && current.CSeq >= request.CSeq.Number)
        {
            return Refuse(request, 500, "Server Internal Error - out-of-order REGISTER", toTag);
        }
        foreach (var contact in requested.Contacts)
        {
            string uri = contact.Contact.Uri.ToString();
            if (contact.Expires == 0)
            {
                if (current?.ContactUri == uri)
                {
                    gateways.Unbind(gateway);
                }
                continue;
            }
            Bind(request, gateway, contact.Contact.Uri, Math.Min(contact.Expires, _options.MaxExpires), now);
        }
        return GatewayOk(request, gateway, now, toTag);
    }

    private void Bind(SipRequest request, GatewayRegistrant gateway, SipUri contact, int expires, DateTimeOffset now)
    {
        SipEndPoint source = request.Source!;
        string sourceIp = source.EndPoint.Address.ToString();
        var binding = new GatewayBinding(contact.ToString(), source.Transport.ToString().ToUpperInvariant(), sourceIp,
            source.EndPoint.Port, request.CallId, request.CSeq.Number);
        // natIp (001_… §3.15): the Contact's own address when it is not where the REGISTER came from.
        int contactPort = contact.Port ?? 5060;
        string contactHost = contact.Host.Trim('[', ']');
        string? nat = contactHost == sourceIp && contactPort == source.EndPoint.Port ? null : contactHost + ":" + contactPort;
        // localIp: the switch address the gateway registered to, as its Request-URI names it.
        string local = request.RequestUri.Host.Trim('[', ']') + ":" + (request.RequestUri.Port ?? 5060);
        _gateways!.Bind(gateway, binding, local, nat, now, now.AddSeconds(expires));
    }

    /// <summary>200 with the gateway's current binding and its remaining time (§10.3 step 8).</summary>
    private SipResponse GatewayOk(SipRequest request, GatewayRegistrant gateway, DateTimeOffset now, string toTag)
    {
        var response = SipResponseFactory.Create(request, 200, null, toTag);
        if (_gateways!.CurrentOf(gateway, now) is { Binding: { } binding } entry)
        {
            long remaining = Math.Max(0, (long)Math.Ceiling((entry.ExpiresAt - now).TotalSeconds));
            response.Headers.Add(HeaderKind.Contact, $"<{binding.ContactUri}>;expires={remaining.ToString(CultureInfo.InvariantCulture)}");
        }
        response.Headers.Add(HeaderKind.Date, now.ToString("r", CultureInfo.InvariantCulture));
        return response;
    }
}
