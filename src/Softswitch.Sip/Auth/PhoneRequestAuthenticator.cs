using Microsoft.Extensions.Logging;
using Softswitch.Core.Phones;
using Softswitch.Sip.Messages;
using Softswitch.Sip.Transactions;

namespace Softswitch.Sip.Auth;

/// <summary>
/// Digest authentication of a request to the switch as a proxy would (RFC 3261 §22.3: 407 with Proxy-Authenticate,
/// credentials in Proxy-Authorization), shared by INVITE and MESSAGE so both are admitted alike: a throttled name or source
/// gets 403 without a look at its credentials, missing or stale credentials a challenge, a malformed header 400, and
/// wrong ones 403 — the same for unknown users and wrong passwords. <see cref="Authenticate"/> knows phones only;
/// <see cref="AuthenticateCaller"/> also knows dynamic mapping gateways (registerType 1, name + password, the same
/// realm, nonces and throttle as the registrar).
/// </summary>
internal sealed partial class PhoneRequestAuthenticator(Registrar.Registrar registrar, IPhoneDirectory phones, ILogger<PhoneRequestAuthenticator> logger)
{
    /// <summary>The authenticated phone, or null when the request has been answered (challenged or refused).</summary>
    public PhoneCredentials? Authenticate(ServerTransaction transaction, SipRequest request, string toTag)
    {
        if (Verify(transaction, request, toTag, user => phones.FindCredentials(user)?.Password, out _) is not { } user)
        {
            return null;
        }
        // The phone can be deleted between the hash check and here: refuse rather than crash.
        if (phones.FindCredentials(user) is { } phone)
        {
            return phone;
        }
        transaction.SendResponse(SipResponseFactory.Create(request, 403, null, toTag));
        return null;
    }

    /// <summary>
    /// The authenticated caller of an initial INVITE — a phone, or a dynamic mapping gateway by the name and password
    /// it registers with — or null when the request has been answered (challenged or refused). Whether that caller
    /// may call (lockType, capacity, the numbers) is the router's decision, not this one's. <paramref name="refused"/>
    /// is true when the answer was 403 for credentials that proved nobody (an illegal call, alarm 20020).
    /// </summary>
    public AuthenticatedCaller? AuthenticateCaller(ServerTransaction transaction, SipRequest request, string toTag, out bool refused)
    {
        if (Verify(transaction, request, toTag, CallerPassword, out refused) is not { } user)
        {
            return null;
        }
        if (phones.FindCredentials(user) is { } phone)
        {
            return AuthenticatedCaller.OfPhone(phone);
        }
        if (registrar.Gateways?.Find(user)?.Mapping is { } gateway)
        {
            return AuthenticatedCaller.OfGateway(gateway);
        }
        // Deleted (or changed to another registerType) between the hash check and here.
        refused = true;
        transaction.SendResponse(SipResponseFactory.Create(request, 403, null, toTag));
        return null;
    }

    /// <summary>A phone's password, else a dynamic mapping gateway's (only those send calls in); the phone wins, as at REGISTER.</summary>
    private string? CallerPassword(string user) =>
        phones.FindCredentials(user)?.Password ?? registrar.Gateways?.Find(user)?.Mapping?.Password;

    /// <summary>The verified digest user name, or null after answering the request (challenge or refusal).</summary>
    private string? Verify(ServerTransaction transaction, SipRequest request, string toTag, Func<string, string?> passwordOf, out bool refused)
    {
        refused = false;
        var source = request.Source!.EndPoint.Address;
        string? credentials = DigestAuthenticator.PickDigest(request.Headers.GetAll(HeaderKind.ProxyAuthorization));
        string? claimed = DigestAuthenticator.ClaimedUser(credentials) ?? request.From.Uri.User;
        if (registrar.IsThrottled(source, claimed))
        {
            transaction.SendResponse(SipResponseFactory.Create(request, 403, null, toTag));
            return null;
        }
        var verdict = registrar.Digest.Verify(credentials, request.MethodName, request.RequestUri.ToString(), passwordOf);
        if (verdict.CountsAsFailure)
        {
            registrar.RecordAuthFailure(source, verdict.Username ?? claimed);
        }
        switch (verdict.Status)
        {
            case DigestAuthStatus.Success:
                registrar.RecordAuthSuccess(source, verdict.Username!);
                return verdict.Username!;
            case DigestAuthStatus.Missing or DigestAuthStatus.StaleNonce or DigestAuthStatus.BadNonce or DigestAuthStatus.UnknownRealm:
                var challenge = SipResponseFactory.Create(request, 407, null, toTag);
                foreach (string value in registrar.Digest.CreateChallenges(verdict))
                {
                    challenge.Headers.Add(HeaderKind.ProxyAuthenticate, value);
                }
                transaction.SendResponse(challenge);
                return null;
            case DigestAuthStatus.Malformed or DigestAuthStatus.UnsupportedAlgorithm:
                transaction.SendResponse(SipResponseFactory.Create(request, 400, $"Bad Request - Proxy-Authorization: {verdict.Detail}", toTag));
                return null;
            default:
                LogAuthFailed(request.MethodName, request.CallId, source, verdict.Status);
                refused = true;
                transaction.SendResponse(SipResponseFactory.Create(request, 403, null, toTag));
                return null;
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "{Method} {SipCallId} from {Source} refused: {Status}")]
    private partial void LogAuthFailed(string method, string sipCallId, System.Net.IPAddress source, DigestAuthStatus status);
}
