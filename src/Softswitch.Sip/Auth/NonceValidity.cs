namespace Softswitch.Sip.Auth;

/// <summary>What a nonce check found.</summary>
internal enum NonceValidity
{
    /// <summary>Issued by this process and still within its lifetime.</summary>
    Valid,
    /// <summary>Genuine but older than the lifetime (or "from the future" after a clock step back): answer stale=true.</summary>
    Expired,
    /// <summary>Wrong size, not base64url, or the MAC does not match: not ours.</summary>
    Forged,
}
