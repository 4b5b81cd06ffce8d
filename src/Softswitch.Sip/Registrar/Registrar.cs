using Microsoft.Extensions.Logging;
using Softswitch.Core.Gateways;
using Softswitch.Core.Phones;
using Softswitch.Core.Registrations;
using Softswitch.Sip.Auth;
using Softswitch.Sip.Messages;

namespace Softswitch.Sip.Registrar;

/// <summary>
/// The registrar (RFC 3261 §10.3) for phones (VOS3000 CreatePhone: e164 + password) and registerType 1 gateways
/// (CreateGatewayMapping / CreateGatewayRouting: name + password), in one realm. Order of work: refuse throttled
/// names and sources (<see cref="IsThrottled"/>) without looking at credentials, verify the digest, check the phone or gateway may register, then apply
/// the contact bindings. Unknown users and wrong passwords get the same 403 after the same work.
/// </summary>
public sealed partial class Registrar
{
    private readonly RegistrarOptions _options;
    private readonly IPhoneDirectory _phones;
    private readonly GatewayRegistrations? _gateways;
    private readonly RegistrationTable _registrations;
    private readonly DigestAuthenticator _digest;
    private readonly AuthFailureThrottle _throttle;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;

    /// <summary>A registrar for phones only (rigs without gateway tables).</summary>
    public Registrar(
        RegistrarOptions options,
        AuthOptions auth,
        IPhoneDirectory phones,
        RegistrationTable registrations,
        TimeProvider time,
        ILogger<Registrar> logger)
        : this(options, auth, phones, null, registrations, time, logger)
    {
    }

    /// <param name="gateways">registerType 1 gateways that may register; null for phones only.</param>
    public Registrar(
        RegistrarOptions options,
        AuthOptions auth,
        IPhoneDirectory phones,
        GatewayRegistrations? gateways,
        RegistrationTable registrations,
        TimeProvider time,
        ILogger<Registrar> logger)
    {
        _options = options;
        _phones = phones;
        _gateways = gateways;
        _registrations = registrations;
        _time = time;
        _logger = logger;
        _digest = new DigestAuthenticator(auth.ToDigest(options.Realm), time);
        _throttle = new AuthFailureThrottle(auth.ToThrottle(), time);
    }

    /// <summary>The digest verifier, shared with the B2BUA for INVITE challenges (407).</summary>
    public DigestAuthenticator Digest => _digest;

    /// <summary>The registerType 1 gateways, shared with the INVITE authenticator; null for a phones-only registrar.</summary>
    public GatewayRegistrations? Gateways => _gateways;

    /// <summary>Answers one REGISTER (never a retransmission: the transaction layer absorbs those).</summary>
    public SipResponse Handle(SipRequest request)
    {
        string toTag = SipTags.New();
        if (!request.RequestUri.IsSip)
        {
            return Refuse(request, 416, null, toTag);
        }
        var source = request.Source!.EndPoint.Address;
        string? credentials = DigestAuthenticator.PickDigest(request.Headers.GetAll(HeaderKind.Authorization));
        string? claimed = DigestAuthenticator.ClaimedUser(credentials) ?? request.To.Uri.User;
        if (IsThrottled(source, claimed))
        {
            LogThrottled(request.CallId, source);
            return Refuse(request, 403, "Forbidden", toTag);
        }
        DigestVerification verdict = _digest.Verify(credentials, request.MethodName, request.RequestUri.ToString(), PasswordOf);
        if (verdict.CountsAsFailure)
        {
            RecordAuthFailure(source, verdict.Username ?? claimed);
        }
        switch (verdict.Status)
        {
            case DigestAuthStatus.Success:
                break;
            case DigestAuthStatus.Missing or DigestAuthStatus.StaleNonce or DigestAuthStatus.BadNonce or DigestAuthStatus.UnknownRealm:
                // First contact, an expired nonce, or a nonce from before a restart: challenge (again).
                return Challenge(request, verdict, toTag);
            case DigestAuthStatus.Malformed or DigestAuthStatus.UnsupportedAlgorithm:
                return Refuse(request, 400, $"Bad Request - Authorization: {verdict.Detail}", toTag);
            default:
                LogAuthFailed(request.CallId, source, verdict.Status);
                return Refuse(request, 403, "Forbidden", toTag);
        }
        string user = verdict.Username!;
        PhoneCredentials? phone = _phones.FindCredentials(user);
        if (phone is null && _gateways?.Find(user) is { } gateway)
        {
            return RegisterGateway(request, gateway, toTag);
        }
        string? aor = request.To.Uri.User;
        if (phone is null || !string.Equals(aor, user, StringComparison.Ordinal))
        {
            // Credentials of one phone may not register another number.
            return Refuse(request, 403, "Forbidden - To does not match the authenticated number", toTag);
        }
        if (phone.Locked)
        {
            return Refuse(request, 403, "Forbidden - phone locked", toTag);
        }
        RecordAuthSuccess(source, user);
        return ApplyBindings(request, user, toTag);
    }

    /// <summary>Drops expired bindings of phones and gateways (the engine calls this periodically).</summary>
    public int Sweep()
    {
        var now = _time.GetUtcNow();
        return _registrations.Sweep(now) + (_gateways?.Presence.Sweep(now) ?? 0);
    }

    /// <summary>
    /// The password a digest user name is checked against: the phone's when the name is a phone's e164, else the
    /// registerType 1 gateway's (the API keeps the two apart, <see cref="RegistrationNameRules"/>; should old data
    /// hold both, the phone wins). Null for an unknown name, which then fails like a wrong password.
    /// </summary>
    private string? PasswordOf(string user) => _phones.FindCredentials(user)?.Password ?? _gateways?.Find(user)?.Password;

    private SipResponse Challenge(SipRequest request, DigestVerification verdict, string toTag)
    {
        var response = SipResponseFactory.Create(request, 401, null, toTag);
        foreach (string challenge in _digest.CreateChallenges(verdict))
        {
            response.Headers.Add(HeaderKind.WwwAuthenticate, challenge);
        }
        return response;
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "REGISTER {SipCallId} from {Source} refused: {Status}")]
    private partial void LogAuthFailed(string sipCallId, System.Net.IPAddress source, DigestAuthStatus status);

    [LoggerMessage(Level = LogLevel.Debug, Message = "REGISTER {SipCallId} from {Source} refused: user name or source throttled")]
    private partial void LogThrottled(string sipCallId, System.Net.IPAddress source);
}
