using System.Globalization;
using Softswitch.Core.Registrations;
using Softswitch.Sip.Messages;

namespace Softswitch.Sip.Registrar;

public sealed partial class Registrar
{
    /// <summary>
    /// RFC 3261 §10.3 steps 6-8 for an authenticated phone: check every contact first, then apply them all at once
    /// (a request is processed atomically), and answer 200 with every current binding. Which bindings a request
    /// replaces is <see cref="Replaced"/>'s rule (docs/architecture.md "Registrations").
    /// </summary>
    private SipResponse ApplyBindings(SipRequest request, string e164, string toTag)
    {
        var requested = RegistrationRequest.Read(request, _options.DefaultExpires, out string? error);
        if (requested is null)
        {
            return Refuse(request, 400, "Bad Request - " + error, toTag);
        }
        DateTimeOffset now = _time.GetUtcNow();
        if (requested.IsWildcard)
        {
            _registrations.RemoveAll(e164, now);
            return Ok(request, e164, now, toTag);
        }
        foreach (var contact in requested.Contacts)
        {
            if (contact.Expires > 0 && contact.Expires < _options.MinExpires)
            {
                var tooBrief = Refuse(request, 423, null, toTag);
                tooBrief.Headers.Add(HeaderKind.MinExpires, _options.MinExpires.ToString(CultureInfo.InvariantCulture));
                return tooBrief;
            }
        }
        var bound = requested.Contacts.Where(c => c.Expires > 0).Select(c => NewBinding(request, e164, c, now)).ToList();
        if (bound.Count > _options.MaxContactsPerPhone)
        {
            // Replacing older bindings cannot make room for more contacts than the limit in one request.
            return Refuse(request, 403, string.Create(CultureInfo.InvariantCulture,
                $"Forbidden - too many contacts: {bound.Count} in one REGISTER, registrar.maxContactsPerPhone is {_options.MaxContactsPerPhone}"), toTag);
        }
        var existing = _registrations.Get(e164, now);
        foreach (var contact in requested.Contacts)
        {
            // §10.3 step 7: with the same Call-ID, a CSeq not above the binding's is out of order (an older or
            // repeated request must not undo a newer one); a different Call-ID replaces whatever its CSeq.
            string uri = contact.Contact.Uri.ToString();
            if (existing.FirstOrDefault(b => b.ContactUri == uri) is { } same && same.CallId == request.CallId && same.CSeq >= request.CSeq.Number)
            {
                return Refuse(request, 500, "Server Internal Error - out-of-order REGISTER", toTag);
            }
        }
        var removed = requested.Contacts.Where(c => c.Expires == 0).Select(c => c.Contact.Uri.ToString()).ToHashSet(StringComparer.Ordinal);
        removed.UnionWith(Replaced(existing, bound, removed, request));
        _registrations.Apply(e164, removed, bound, now);
        return Ok(request, e164, now, toTag);
    }

    /// <summary>
    /// The live bindings a request's new contacts replace, beyond those it names itself: one of the same device — the
    /// same +sip.instance (RFC 5626 §4.1), or the same Call-ID with a lower CSeq from the same transport and address
    /// (RFC 3261 §10.2.4: a UA keeps one Call-ID per registrar, so this is the phone back on a new port after its NAT
    /// mapping changed) — and then, while the phone would hold more than registrar.maxContactsPerPhone, the least
    /// recently refreshed ones. So a phone re-registering from ever new ports never fills its contacts, and calls
    /// fork to where it is now, not where it was.
    /// </summary>
    private IEnumerable<string> Replaced(IReadOnlyList<RegistrationBinding> existing, List<RegistrationBinding> bound,
        HashSet<string> removed, SipRequest request)
    {
        if (bound.Count == 0)
        {
            return [];
        }
        var named = bound.Select(b => b.ContactUri).ToHashSet(StringComparer.Ordinal);
        var others = existing.Where(b => !named.Contains(b.ContactUri) && !removed.Contains(b.ContactUri)).ToList();
        var first = bound[0];
        var replaced = others.Where(b =>
            (b.InstanceId is not null && bound.Any(n => n.InstanceId == b.InstanceId))
            || (b.CallId == request.CallId && b.CSeq < request.CSeq.Number && b.Transport == first.Transport && b.SourceIp == first.SourceIp))
            .ToList();
        int overflow = others.Count - replaced.Count + bound.Count - _options.MaxContactsPerPhone;
        if (overflow > 0)
        {
            replaced.AddRange(others.Except(replaced).OrderBy(b => b.RegisteredAt).ThenBy(b => b.ExpiresAt).Take(overflow));
        }
        return replaced.Select(b => b.ContactUri);
    }

    private RegistrationBinding NewBinding(SipRequest request, string e164, RequestedContact contact, DateTimeOffset now)
    {
        SipEndPoint source = request.Source!;
        int expires = Math.Min(contact.Expires, _options.MaxExpires);
        return new RegistrationBinding(
            e164,
            contact.Contact.Uri.ToString(),
            source.Transport.ToString().ToUpperInvariant(),
            source.EndPoint.Address.ToString(),
            source.EndPoint.Port,
            request.CallId,
            request.CSeq.Number,
            request.Headers.Get(HeaderKind.UserAgent),
            now,
            now.AddSeconds(expires))
        {
            InstanceId = contact.Contact.Parameters.Get("+sip.instance"),
        };
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
