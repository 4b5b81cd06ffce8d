namespace Softswitch.Sip.Auth;

/// <summary>What the nonce-count tracker decided for one (nonce, nc) use.</summary>
internal enum NonceCountOutcome
{
    /// <summary>nc is higher than any seen for this nonce; recorded.</summary>
    Accepted,
    /// <summary>nc is not higher than one already accepted for this nonce (RFC 7616 §3.4, §5.10).</summary>
    Replay,
    /// <summary>The nonce's history may have been dropped to stay within the cap; the client must take a fresh nonce.</summary>
    Forgotten,
}
