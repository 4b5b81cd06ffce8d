using Softswitch.Sip.Messages;

namespace Softswitch.Sip.Auth;

/// <summary>
/// The UAC side of a SIP challenge (RFC 3261 §22.2 and §22.3): a 401 carries WWW-Authenticate and is answered with
/// Authorization; a 407 carries Proxy-Authenticate and is answered with Proxy-Authorization. The digest itself is
/// computed by <see cref="DigestClient"/> (RFC 2617 / RFC 7616, MD5 and SHA-256, qop=auth with nc and cnonce).
/// </summary>
public static class DigestChallengeAnswer
{
    /// <summary>True for the two statuses that carry a digest challenge.</summary>
    public static bool IsChallenge(int statusCode) => statusCode is 401 or 407;

    /// <summary>
    /// Answers the challenge of <paramref name="challenge"/> for a new <paramref name="method"/> request to
    /// <paramref name="requestUri"/>. On success <paramref name="header"/> says which header carries
    /// <paramref name="value"/>; any other outcome names why nothing usable was offered.
    /// </summary>
    public static DigestParseError TryAnswer(
        DigestClient client, SipResponse challenge, string username, string password, string method, string requestUri,
        out HeaderKind header, out string? value)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(challenge);
        value = null;
        (HeaderKind offered, header) = challenge.StatusCode switch
        {
            401 => (HeaderKind.WwwAuthenticate, HeaderKind.Authorization),
            407 => (HeaderKind.ProxyAuthenticate, HeaderKind.ProxyAuthorization),
            _ => (HeaderKind.Other, HeaderKind.Other),
        };
        if (header == HeaderKind.Other)
        {
            return DigestParseError.Empty;
        }
        return client.TryAuthorize(challenge.Headers.GetAll(offered), username, password, method, requestUri, out value);
    }

    /// <summary>True when the chosen challenge says stale=true: the password was right, only the nonce was old
    /// (RFC 7616 §3.3), so answering once more is not a retry of rejected credentials.</summary>
    public static bool IsStale(SipResponse challenge)
    {
        ArgumentNullException.ThrowIfNull(challenge);
        HeaderKind offered = challenge.StatusCode == 407 ? HeaderKind.ProxyAuthenticate : HeaderKind.WwwAuthenticate;
        return DigestClient.TrySelect(challenge.Headers.GetAll(offered), out var chosen) == DigestParseError.None && chosen!.Stale;
    }
}
