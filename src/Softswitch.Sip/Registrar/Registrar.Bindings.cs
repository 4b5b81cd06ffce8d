using System.Globalization;
using Softswitch.Core.Registrations;
using Softswitch.Sip.Messages;

namespace Softswitch.Sip.Registrar;

public sealed partial class Registrar
{
    /// <summary>
    /// RFC 3261 §10.3 steps 6-8 for an authenticated phone: check every contact first, then apply them all
    /// (a request is processed atomically), and answer 200 with every current binding.
    /// </summary>
    private SipResponse ApplyBindings(SipRequest request, string e164, string toTag)
    {
        var requested = RegistrationRequest.Read(request, _options.DefaultExpires, out string? error);
        if (requested is null)
        {
            return Refuse(request, 400, "Bad Request - " + error, toTag);
        }
        DateTimeOffset now = _time.GetUtcNow();
        SipEndPoint source = request.Source!;
        uint cseq = request.CSeq.Number;
        if (requested.IsWildcard)
        {
            _registrations.RemoveAll(e164, now);
            return Ok(request, e164, now, toTag);
        }
        var existing = _registrations.Get(e164, now);
        foreach (var contact in requested.Contacts)
        {
            if (contact.Expires > 0 && contact.Expires < _options.MinExpires)
            {
                var tooBrief = Refuse(request, 423, null, toTag);
                tooBrief.Headers.Add(HeaderKind.MinExpires, _options.MinExpires.ToString(CultureInfo.InvariantCulture));
                return tooBrief;
            }
            // §10.3 step 7: a request with the same Call-ID and an older CSeq must not undo a newer one.
            string uri = contact.Contact.Uri.ToString();
            var bound = existing.FirstOrDefault(b => b.ContactUri == uri);
            if (bound is not null && bound.CallId == request.CallId && bound.CSeq > cseq)
            {
                return Refuse(request, 500, "Server Internal Error - out-of-order REGISTER", toTag);
            }
        }
        int adding = requested.Contacts.Count(c => c.Expires > 0 && existing.All(b => b.ContactUri != c.Contact.Uri.ToString()));
        if (existing.Count + adding > _options.MaxContactsPerPhone)
        {
            return Refuse(request, 403, "Forbidden - too many contacts", toTag);
        }
        string? userAgent = request.Headers.Get(HeaderKind.UserAgent);
        foreach (var contact in requested.Contacts)
        {
            string uri = contact.Contact.Uri.ToString();
            if (contact.Expires == 0)
            {
                _registrations.Remove(e164, uri, now);
                continue;
            }
            int expires = Math.Min(contact.Expires, _options.MaxExpires);
            _registrations.Upsert(new RegistrationBinding(
                e164,
                uri,
                source.Transport.ToString().ToUpperInvariant(),
                source.EndPoint.Address.ToString(),
                source.EndPoint.Port,
                request.CallId,
                cseq,
                userAgent,
                now,
                now.AddSeconds(expires)));
        }
        return Ok(request, e164, now, toTag);
    }

    /// <summary>200 listing every current binding with its remaining time (§10.3 step 8).</summary>
    private SipResponse Ok(SipRequest request, string e164, DateTimeOffset now, string toTag)
    {
        var response = SipResponseFactory.Create(request, 200, null, toTag);
        foreach (var binding in _registrations.Get(e164, now))
        {
            response.Headers.Add(HeaderKind.Contact, $"<{binding.ContactUri}>;expires={binding.ExpiresInSeconds(now)}");
        }
        response.Headers.Add(HeaderKind.Date, now.ToString("r", CultureInfo.InvariantCulture));
        return response;
    }

    private static SipResponse Refuse(SipRequest request, int code, string? reason, string toTag) =>
        SipResponseFactory.Create(request, code, reason, toTag);
}
