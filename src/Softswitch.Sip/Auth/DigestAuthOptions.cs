namespace Softswitch.Sip.Auth;

/// <summary>Configuration of <see cref="DigestAuthenticator"/>.</summary>
public sealed class DigestAuthOptions
{
    /// <summary>The protection space (RFC 7616 §3.3); for SIP usually the domain (RFC 3261 §22.1).</summary>
    public string Realm { get; set; } = string.Empty;

    /// <summary>How long an issued nonce is accepted; after that, correct credentials get stale=true.</summary>
    public TimeSpan NonceLifetime { get; set; } = TimeSpan.FromSeconds(300);

    /// <summary>
    /// Algorithms offered, one challenge each, in preference order. RFC 8760 §2.4: SHA-256 first so capable
    /// clients pick it, MD5 kept for the installed base of phones.
    /// </summary>
    public IReadOnlyList<DigestAlgorithm> Algorithms { get; set; } = [DigestAlgorithm.Sha256, DigestAlgorithm.Md5];

    /// <summary>
    /// Accept RFC 2069-style credentials without qop. They carry no nc, so replay within the nonce lifetime
    /// cannot be detected; turn off once no such devices remain.
    /// </summary>
    public bool AllowLegacyNoQop { get; set; } = true;

    /// <summary>Cap on (nonce, nc) entries kept for replay detection.</summary>
    public int MaxTrackedNonces { get; set; } = 100_000;

    /// <summary>Returns null when valid, otherwise a message naming the offending key (fail fast at start-up).</summary>
    public string? Validate()
    {
        if (string.IsNullOrWhiteSpace(Realm) || !DigestHeaderWriter.IsQuotable(Realm))
        {
            return $"{nameof(Realm)} must be a non-empty string without control characters.";
        }
        if (NonceLifetime <= TimeSpan.Zero || NonceLifetime > TimeSpan.FromDays(1))
        {
            return $"{nameof(NonceLifetime)} must be between 0 and 1 day.";
        }
        if (Algorithms is null || Algorithms.Count == 0 || Algorithms.Distinct().Count() != Algorithms.Count
            || Algorithms.Any(a => !Enum.IsDefined(a)))
        {
            return $"{nameof(Algorithms)} must list at least one distinct known algorithm.";
        }
        if (MaxTrackedNonces < 16)
        {
            return $"{nameof(MaxTrackedNonces)} must be at least 16.";
        }
        return null;
    }
}
