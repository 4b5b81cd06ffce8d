namespace Softswitch.Sip.Auth;

/// <summary>
/// Outcome of verifying Digest credentials.
/// </summary>
/// <remarks>
/// There is deliberately no "unknown user" value: an unknown username and a wrong password both yield
/// <see cref="WrongCredentials"/>, after the same hashing work, so responses cannot be used to enumerate
/// accounts (RFC 7616 §5.2 and common SIP-scanner practice of probing extensions).
/// </remarks>
public enum DigestAuthStatus
{
    Success,
    /// <summary>No credentials at all: the normal first request. Challenge, do not count as a failure.</summary>
    Missing,
    /// <summary>Credentials present but unparseable or missing required directives; see the parse detail.</summary>
    Malformed,
    /// <summary>realm is not ours (RFC 3261 §22.4: credentials are per realm).</summary>
    UnknownRealm,
    /// <summary>An algorithm we did not offer (or do not know).</summary>
    UnsupportedAlgorithm,
    /// <summary>The nonce (or opaque) was not issued by this process: forged, mangled, or from before a restart.</summary>
    BadNonce,
    /// <summary>Correct credentials on an expired nonce: challenge again with stale=true (RFC 7616 §3.3).</summary>
    StaleNonce,
    /// <summary>The uri directive names a different resource than the Request-URI (RFC 3261 §22.4).</summary>
    UriMismatch,
    /// <summary>Wrong password or unknown user; indistinguishable by design.</summary>
    WrongCredentials,
    /// <summary>The (nonce, nc) pair was already used or nc did not increase (RFC 7616 §3.4).</summary>
    Replay,
}
