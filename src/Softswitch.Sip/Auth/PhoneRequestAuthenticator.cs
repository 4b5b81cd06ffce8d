using Microsoft.Extensions.Logging;
using Softswitch.Core.Phones;
using Softswitch.Sip.Messages;
using Softswitch.Sip.Transactions;

namespace Softswitch.Sip.Auth;

/// <summary>
/// Digest authentication of a phone's request to the switch as a proxy would (RFC 3261 §22.3: 407 with
/// Proxy-Authenticate, credentials in Proxy-Authorization), shared by INVITE and MESSAGE so both are admitted
/// alike: a throttled source gets 403 without a look at its credentials, missing or stale credentials a
/// challenge, a malformed header 400, and wrong ones 403 — the same for unknown users and wrong passwords.
/// </summary>
internal sealed partial class PhoneRequestAuthenticator(Registrar.Registrar registrar, IPhoneDirectory phones, ILogger<PhoneRequestAuthenticator> logger)
{
    /// <summary>The authenticated phone, or null when the request has been answered (challenged or refused).</summary>
    public PhoneCredentials? Authenticate(ServerTransaction transaction, SipRequest request, string toTag)
    {
        var source = request.Source!.EndPoint.Address;
        if (registrar.Throttle.IsBlocked(source))
        {
            transaction.SendResponse(SipResponseFactory.Create(request, 403, null, toTag));
            return null;
        }
        string? credentials = DigestAuthenticator.PickDigest(request.Headers.GetAll(HeaderKind.ProxyAuthorization));
        var verdict = registrar.Digest.Verify(credentials, request.MethodName, request.RequestUri.ToString(), user => phones.FindCredentials(user)?.Password);
        if (verdict.CountsAsFailure)
        {
            registrar.Throttle.RecordFailure(source);
        }
        switch (verdict.Status)
        {
            case DigestAuthStatus.Success:
                registrar.Throttle.RecordSuccess(source);
                // The phone can be deleted between the hash check and here: refuse rather than crash.
                if (phones.FindCredentials(verdict.Username!) is { } phone)
                {
                    return phone;
                }
                transaction.SendResponse(SipResponseFactory.Create(request, 403, null, toTag));
                return null;
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
                transaction.SendResponse(SipResponseFactory.Create(request, 403, null, toTag));
                return null;
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "{Method} {SipCallId} from {Source} refused: {Status}")]
    private partial void LogAuthFailed(string method, string sipCallId, System.Net.IPAddress source, DigestAuthStatus status);
}
