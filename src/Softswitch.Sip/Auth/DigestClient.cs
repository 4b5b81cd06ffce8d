using System.Buffers.Text;
using System.Globalization;
using System.Security.Cryptography;

namespace Softswitch.Sip.Auth;

/// <summary>
/// Client side of Digest authentication (RFC 3261 §22.2, RFC 7616 §3.4) for our test UA and for gateway
/// registration: turns a challenge into an Authorization / Proxy-Authorization value.
/// </summary>
/// <remarks>
/// Keeps the current nonce and its nonce-count so repeated requests on the same nonce send an increasing
/// nc (RFC 7616 §3.4), which is what the server's replay check expects. One instance per registration
/// (credential set); thread-safe.
/// </remarks>
public sealed class DigestClient
{
    private readonly Lock _lock = new();
    private readonly Func<string> _cnonceFactory;
    private string? _nonce;
    private uint _nonceCount;

    /// <param name="cnonceFactory">Source of cnonce values; defaults to 96 random bits in base64url. Tests
    /// inject a fixed value to reproduce RFC examples.</param>
    public DigestClient(Func<string>? cnonceFactory = null) =>
        _cnonceFactory = cnonceFactory ?? (() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(12)));

    /// <summary>
    /// Picks the challenge to answer among the WWW-/Proxy-Authenticate values received: the first
    /// SHA-256 one, else the first SHA-256-sess, else MD5, else MD5-sess (RFC 8760 §2.4 — the client uses
    /// the strongest algorithm it supports). Values that are not usable Digest challenges are skipped.
    /// </summary>
    public static DigestParseError TrySelect(IEnumerable<string> challengeHeaders, out DigestChallenge? challenge)
    {
        ArgumentNullException.ThrowIfNull(challengeHeaders);
        challenge = null;
        var firstError = DigestParseError.Empty;
        foreach (string header in challengeHeaders)
        {
            var error = DigestChallenge.TryParse(header, out var candidate);
            if (error != DigestParseError.None)
            {
                firstError = firstError == DigestParseError.Empty ? error : firstError;
                continue;
            }
            if (challenge is null || Rank(candidate!.Algorithm) < Rank(challenge.Algorithm))
            {
                challenge = candidate;
            }
        }
        return challenge is null ? firstError : DigestParseError.None;
    }

    /// <summary>Selects a challenge among <paramref name="challengeHeaders"/> and answers it.</summary>
    public DigestParseError TryAuthorize(
        IEnumerable<string> challengeHeaders, string username, string password, string method, string uri,
        out string? authorization)
    {
        authorization = null;
        var error = TrySelect(challengeHeaders, out var challenge);
        return error != DigestParseError.None
            ? error
            : TryAuthorize(challenge!, username, password, method, uri, out authorization);
    }

    /// <summary>Answers one parsed challenge. Refuses values that cannot be carried safely in a header.</summary>
    public DigestParseError TryAuthorize(
        DigestChallenge challenge, string username, string password, string method, string uri, out string? authorization)
    {
        ArgumentNullException.ThrowIfNull(challenge);
        authorization = null;
        if (!DigestHeaderWriter.IsQuotable(username) || !DigestHeaderWriter.IsQuotable(uri)
            || !DigestHeaderWriter.IsQuotable(challenge.Realm) || !DigestHeaderWriter.IsQuotable(challenge.Nonce)
            || (challenge.Opaque is not null && !DigestHeaderWriter.IsQuotable(challenge.Opaque)))
        {
            return DigestParseError.BadQuotedCharacter;
        }

        var algorithm = challenge.Algorithm;
        bool useQop = challenge.QopOffered;
        // cnonce is needed with qop (RFC 7616 §3.4) and for -sess HA1 even without it.
        string? cnonce = useQop || DigestAlgorithmNames.IsSession(algorithm) ? _cnonceFactory() : null;
        string? nc = useQop ? NextNonceCount(challenge.Nonce) : null;
        string? qop = useQop ? "auth" : null;

        string baseHa1 = DigestHash.Ha1(algorithm, username, challenge.Realm, password);
        string ha1 = DigestHash.EffectiveHa1(algorithm, baseHa1, challenge.Nonce, cnonce);
        string ha2 = DigestHash.Ha2(algorithm, method, uri);
        string response = DigestHash.ResponseHex(algorithm, ha1, challenge.Nonce, nc, cnonce, qop, ha2);

        var writer = new DigestHeaderWriter()
            .Quoted("username", username)
            .Quoted("realm", challenge.Realm)
            .Quoted("nonce", challenge.Nonce)
            .Quoted("uri", uri)
            .Quoted("response", response)
            .Token("algorithm", DigestAlgorithmNames.ToWire(algorithm));
        if (cnonce is not null)
        {
            writer.Quoted("cnonce", cnonce);
        }
        if (challenge.Opaque is not null)
        {
            // RFC 7616 §3.4: opaque is returned unchanged.
            writer.Quoted("opaque", challenge.Opaque);
        }
        if (useQop)
        {
            writer.Token("qop", "auth").Token("nc", nc!);
        }
        authorization = writer.ToString();
        return DigestParseError.None;
    }

    private string NextNonceCount(string nonce)
    {
        lock (_lock)
        {
            // A new nonce restarts the count at 1; reusing one increments it.
            if (!string.Equals(nonce, _nonce, StringComparison.Ordinal))
            {
                _nonce = nonce;
                _nonceCount = 0;
            }
            _nonceCount++;
            return _nonceCount.ToString("x8", CultureInfo.InvariantCulture);
        }
    }

    private static int Rank(DigestAlgorithm algorithm) => algorithm switch
    {
        DigestAlgorithm.Sha256 => 0,
        DigestAlgorithm.Sha256Sess => 1,
        DigestAlgorithm.Md5 => 2,
        _ => 3,
    };
}
