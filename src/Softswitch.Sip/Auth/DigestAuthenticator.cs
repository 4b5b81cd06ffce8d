using System.Buffers.Text;
using System.Security.Cryptography;

namespace Softswitch.Sip.Auth;

/// <summary>
/// Server side of SIP Digest authentication (RFC 3261 §22, RFC 7616, RFC 8760): issues challenges and
/// verifies credentials. Works on header value strings only, so the registrar decides which header
/// (WWW- or Proxy-) carries them and which status (401/407) to send.
/// </summary>
/// <remarks>
/// Thread-safe. Order of checks: syntax, realm, algorithm, opaque, nonce MAC, uri — none of which look at
/// the account — then the response hash, computed the same way whether or not the user exists, and only
/// after a correct hash the nonce age and nonce-count. Checking stale and replay after the hash means
/// stale=true is only promised to a client that knows the password (RFC 7616 §3.3), and a forged request
/// with a high nc cannot burn the counter of a legitimate client.
/// </remarks>
public sealed class DigestAuthenticator
{
    private readonly DigestAuthOptions _options;
    private readonly TimeProvider _time;
    private readonly DigestNonceIssuer _nonces;
    private readonly NonceCountTracker _nonceCounts;
    private readonly string _opaque;
    private readonly string _dummyPassword;

    public DigestAuthenticator(DigestAuthOptions options, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(timeProvider);
        string? problem = options.Validate();
        if (problem is not null)
        {
            throw new ArgumentException(problem, nameof(options));
        }
        _options = options;
        _time = timeProvider;
        _nonces = new DigestNonceIssuer(timeProvider);
        _nonceCounts = new NonceCountTracker(options.MaxTrackedNonces);
        // Opaque is echoed back by clients (RFC 7616 §3.3); a per-process value ties credentials to this instance.
        _opaque = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(12));
        // Hashed for unknown users so they cost exactly what a wrong password costs.
        _dummyPassword = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(18));
    }

    public string Realm => _options.Realm;

    /// <summary>Entries currently held for replay detection (for metrics).</summary>
    public int TrackedNonceCount => _nonceCounts.Count;

    /// <summary>
    /// One challenge value per configured algorithm, in preference order (RFC 8760 §2.4: SHA-256 before
    /// MD5), each to be sent as its own WWW-Authenticate (401) or Proxy-Authenticate (407) header.
    /// They share one fresh nonce: the nonce is not bound to an algorithm.
    /// </summary>
    public IReadOnlyList<string> CreateChallenges(bool stale = false)
    {
        string nonce = _nonces.Issue();
        var challenges = new string[_options.Algorithms.Count];
        for (int k = 0; k < challenges.Length; k++)
        {
            var writer = new DigestHeaderWriter()
                .Quoted("realm", _options.Realm)
                .Quoted("nonce", nonce)
                .Quoted("opaque", _opaque)
                .Token("algorithm", DigestAlgorithmNames.ToWire(_options.Algorithms[k]))
                .Quoted("qop", "auth");
            if (stale)
            {
                writer.Token("stale", "true");
            }
            challenges[k] = writer.ToString();
        }
        return challenges;
    }

    /// <summary>Challenges answering a failed verification; stale=true when the nonce had merely expired.</summary>
    public IReadOnlyList<string> CreateChallenges(DigestVerification previous) => CreateChallenges(previous.IsStale);

    /// <summary>
    /// The value to verify among a request's Authorization (or Proxy-Authorization) fields: the first in the Digest
    /// scheme. Credentials in a scheme the server does not offer are ignored (RFC 7235 §2.1, §4.1: the client
    /// answers a challenge it understood), so "NotDigest …" alone is treated as no credentials and challenged,
    /// not refused 400. Null when there is none.
    /// </summary>
    public static string? PickDigest(IEnumerable<string> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        foreach (string value in values)
        {
            ReadOnlySpan<char> s = value.AsSpan().TrimStart(" \t");
            if (s.StartsWith("Digest", StringComparison.OrdinalIgnoreCase) && (s.Length == 6 || s[6] is ' ' or '\t'))
            {
                return value;
            }
        }
        return null;
    }

    /// <summary>
    /// The user name a credentials header claims, read before verification (the failure throttle keys on it); null
    /// when there is no header or it cannot be parsed. It proves nothing: it is what the client wrote.
    /// </summary>
    public static string? ClaimedUser(string? credentialsHeader) =>
        !string.IsNullOrWhiteSpace(credentialsHeader) && DigestHeaderParser.TryParse(credentialsHeader, out var parameters) == DigestParseError.None
            ? parameters!["username"]
            : null;

    /// <summary>
    /// Verifies an Authorization / Proxy-Authorization value for a request.
    /// </summary>
    /// <param name="credentialsHeader">The header value, or null when the request carried none.</param>
    /// <param name="method">The request method (for REGISTER, "REGISTER"; RFC 3261 §22.4 uses the method, not CSeq).</param>
    /// <param name="requestUri">The Request-URI as received.</param>
    /// <param name="passwordLookup">Returns the user's password, or null when there is no such user.</param>
    public DigestVerification Verify(
        string? credentialsHeader, string method, string requestUri, Func<string, string?> passwordLookup)
    {
        ArgumentNullException.ThrowIfNull(passwordLookup);
        return VerifyCore(credentialsHeader, method, requestUri, (username, algorithm) =>
        {
            string? password = passwordLookup(username);
            return (DigestHash.Ha1(algorithm, username, _options.Realm, password ?? _dummyPassword), password is not null);
        });
    }

    /// <summary>
    /// As <see cref="Verify"/>, for stores that keep HA1 = H(username:realm:password) instead of passwords.
    /// </summary>
    /// <param name="ha1Lookup">Given the username and base algorithm (<see cref="DigestAlgorithm.Md5"/> or
    /// <see cref="DigestAlgorithm.Sha256"/>), returns the hex HA1 for this realm, or null for no such user.</param>
    public DigestVerification VerifyWithHa1(
        string? credentialsHeader, string method, string requestUri, Func<string, DigestAlgorithm, string?> ha1Lookup)
    {
        ArgumentNullException.ThrowIfNull(ha1Lookup);
        return VerifyCore(credentialsHeader, method, requestUri, (username, algorithm) =>
        {
            string? stored = ha1Lookup(username, algorithm);
            // The dummy HA1 is computed for everyone so known and unknown users do the same work.
            string dummy = DigestHash.Ha1(algorithm, username, _options.Realm, _dummyPassword);
            return stored is null ? (dummy, false) : (stored.ToLowerInvariant(), true);
        });
    }

    private DigestVerification VerifyCore(
        string? header, string method, string requestUri, Func<string, DigestAlgorithm, (string Ha1, bool Known)> secret)
    {
        if (string.IsNullOrWhiteSpace(header))
        {
            return new(DigestAuthStatus.Missing, null, DigestParseError.Empty);
        }
        var parseError = DigestHeaderParser.TryParse(header, out var parameters);
        if (parseError != DigestParseError.None)
        {
            return new(DigestAuthStatus.Malformed, null, parseError);
        }
        string? claimedUser = parameters!["username"];
        parseError = DigestCredentials.TryCreate(parameters, out var credentials);
        if (parseError == DigestParseError.UnsupportedAlgorithm)
        {
            return new(DigestAuthStatus.UnsupportedAlgorithm, claimedUser, parseError);
        }
        if (parseError != DigestParseError.None)
        {
            return new(DigestAuthStatus.Malformed, claimedUser, parseError);
        }
        var c = credentials!;

        if (!c.HasQop && !_options.AllowLegacyNoQop)
        {
            return new(DigestAuthStatus.Malformed, c.Username, DigestParseError.UnsupportedQop);
        }
        if (!string.Equals(c.Realm, _options.Realm, StringComparison.Ordinal))
        {
            return new(DigestAuthStatus.UnknownRealm, c.Username, DigestParseError.None);
        }
        if (!_options.Algorithms.Contains(c.Algorithm))
        {
            // Only what we offered: a client must not downgrade to an algorithm we chose not to offer.
            return new(DigestAuthStatus.UnsupportedAlgorithm, c.Username, DigestParseError.UnsupportedAlgorithm);
        }
        if (c.Opaque is not null && !string.Equals(c.Opaque, _opaque, StringComparison.Ordinal))
        {
            return new(DigestAuthStatus.BadNonce, c.Username, DigestParseError.None);
        }
        var validity = _nonces.Validate(c.Nonce, _options.NonceLifetime, out long issuedAtMs);
        if (validity == NonceValidity.Forged)
        {
            return new(DigestAuthStatus.BadNonce, c.Username, DigestParseError.None);
        }
        if (!DigestUriMatcher.Matches(c.Uri, requestUri))
        {
            return new(DigestAuthStatus.UriMismatch, c.Username, DigestParseError.None);
        }

        if (!ResponseMatches(c, method, secret))
        {
            return new(DigestAuthStatus.WrongCredentials, c.Username, DigestParseError.None);
        }
        if (validity == NonceValidity.Expired)
        {
            return new(DigestAuthStatus.StaleNonce, c.Username, DigestParseError.None);
        }
        if (c.HasQop)
        {
            long nowMs = _time.GetUtcNow().ToUnixTimeMilliseconds();
            var outcome = _nonceCounts.TryAdvance(
                c.Nonce, issuedAtMs, c.NonceCount, nowMs, (long)_options.NonceLifetime.TotalMilliseconds);
            if (outcome == NonceCountOutcome.Replay)
            {
                return new(DigestAuthStatus.Replay, c.Username, DigestParseError.None);
            }
            if (outcome == NonceCountOutcome.Forgotten)
            {
                return new(DigestAuthStatus.StaleNonce, c.Username, DigestParseError.None);
            }
        }
        return new(DigestAuthStatus.Success, c.Username, DigestParseError.None);
    }

    /// <summary>
    /// Recomputes the response and compares in fixed time. Every path — unknown user, non-hex or
    /// wrong-length response — performs the same hashing, so timing does not reveal which one failed.
    /// </summary>
    private static bool ResponseMatches(
        DigestCredentials c, string method, Func<string, DigestAlgorithm, (string Ha1, bool Known)> secret)
    {
        var baseAlgorithm = c.Algorithm is DigestAlgorithm.Md5 or DigestAlgorithm.Md5Sess
            ? DigestAlgorithm.Md5
            : DigestAlgorithm.Sha256;
        var (baseHa1, known) = secret(c.Username, baseAlgorithm);
        string ha1 = DigestHash.EffectiveHa1(c.Algorithm, baseHa1, c.Nonce, c.Cnonce);
        string ha2 = DigestHash.Ha2(c.Algorithm, method, c.Uri);

        int size = DigestAlgorithmNames.HashSize(c.Algorithm);
        Span<byte> expected = stackalloc byte[32];
        DigestHash.Response(c.Algorithm, ha1, c.Nonce, c.NonceCountText, c.Cnonce, c.Qop, ha2, expected);

        Span<byte> provided = stackalloc byte[32];
        provided.Clear();
        bool wellFormed = c.Response.Length == size * 2
            && Convert.FromHexString(c.Response, provided[..size], out _, out int written) == System.Buffers.OperationStatus.Done
            && written == size;

        // Non-short-circuit '&': all three are always evaluated.
        return CryptographicOperations.FixedTimeEquals(expected[..size], provided[..size]) & wellFormed & known;
    }
}
