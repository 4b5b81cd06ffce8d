namespace Softswitch.Sip.Auth;

/// <summary>
/// Result of <see cref="DigestAuthenticator.Verify(string?, string, string, Func{string, string?})"/>.
/// </summary>
/// <param name="Status">The outcome.</param>
/// <param name="Username">The username the client claimed (set whenever it could be parsed; it is not
/// proof the account exists). Safe to log: it is identical for unknown users and wrong passwords.</param>
/// <param name="Detail">For <see cref="DigestAuthStatus.Malformed"/> and
/// <see cref="DigestAuthStatus.UnsupportedAlgorithm"/>, the precise parse reason.</param>
public readonly record struct DigestVerification(DigestAuthStatus Status, string? Username, DigestParseError Detail)
{
    public bool IsSuccess => Status == DigestAuthStatus.Success;

    /// <summary>The challenge sent back should carry stale=true.</summary>
    public bool IsStale => Status == DigestAuthStatus.StaleNonce;

    /// <summary>
    /// Whether this outcome should be fed to <see cref="AuthFailureThrottle.RecordFailure(string)"/>.
    /// Missing credentials and stale nonces are part of the normal exchange and do not count.
    /// </summary>
    // A nonce this process did not issue (from before a restart, or another instance) proves nothing about the
    // password: it is challenged again and never counted, so a restart cannot lock out a shared address (issue 12 #7).
    // No password is checked against such a nonce, so not counting it gives a guesser nothing.
    public bool CountsAsFailure => Status is not (DigestAuthStatus.Success or DigestAuthStatus.Missing or DigestAuthStatus.StaleNonce
        or DigestAuthStatus.BadNonce);
}
