using System.Globalization;
using System.Collections.Concurrent;
using Softswitch.Sip.Auth;
using Softswitch.Sip.Messages;

namespace Softswitch.Sip.Simulation;

/// <summary>
/// The tiny registrar of a simulated carrier (the far end of a registerType 2 routing gateway): challenges every
/// REGISTER with a digest (RFC 3261 §22.4, the switch's own <see cref="DigestAuthenticator"/>), accepts the one
/// configured user, refuses wrong credentials with 403, and keeps the bindings only as a count for GetSimulatedCarrier.
/// </summary>
internal sealed class SimulatedRegistrar(SimulatedCarrierDefinition definition, TimeProvider time)
{
    private const int MaxExpires = 3600;

    private readonly DigestAuthenticator _auth = new(
        new DigestAuthOptions { Realm = definition.Name, Algorithms = [DigestAlgorithm.Sha256, DigestAlgorithm.Md5] }, time);

    private readonly ConcurrentDictionary<string, DateTimeOffset> _bindings = new(StringComparer.Ordinal);

    public int BindingCount
    {
        get
        {
            var now = time.GetUtcNow();
            return _bindings.Count(b => b.Value > now);
        }
    }

    public SipResponse Handle(SipRequest request)
    {
        var verification = _auth.Verify(request.Headers.Get(HeaderKind.Authorization), "REGISTER", request.RequestUri.ToString(),
            user => string.Equals(user, definition.RegistrarUser, StringComparison.Ordinal) ? definition.RegistrarPassword : null);
        if (!verification.IsSuccess)
        {
            if (verification.CountsAsFailure)
            {
                return SipResponseFactory.Create(request, 403, toTag: SipTags.New());
            }
            var challenge = SipResponseFactory.Create(request, 401, toTag: SipTags.New());
            foreach (string value in _auth.CreateChallenges(verification))
            {
                challenge.Headers.Add(HeaderKind.WwwAuthenticate, value);
            }
            return challenge;
        }
        string? contact = request.Headers.Get(HeaderKind.Contact);
        int expires = Math.Clamp(request.Expires ?? MaxExpires, 0, MaxExpires);
        var response = SipResponseFactory.Create(request, 200, toTag: SipTags.New());
        if (contact is null)
        {
            return response; // a query (§10.2.3): nothing bound here is reported beyond the count
        }
        if (expires == 0)
        {
            _bindings.TryRemove(request.CallId, out _);
            return response;
        }
        _bindings[request.CallId] = time.GetUtcNow().AddSeconds(expires);
        response.Headers.Add(HeaderKind.Contact, contact + ";expires=" + expires.ToString(CultureInfo.InvariantCulture));
        return response;
    }
}
