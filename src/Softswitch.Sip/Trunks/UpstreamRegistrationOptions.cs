namespace Softswitch.Sip.Trunks;

/// <summary>
/// The "trunks:registration" section of conf/softswitch.json: how the switch registers to carriers whose routing
/// gateway has registerType 2 (001_… §3.16 "注册（向其他平台进行注册）"). The manual names the user (the gateway's
/// <c>name</c>) and the password (<c>password</c>) but no expiry, so the expiry and the timings are settings here.
/// </summary>
public sealed class UpstreamRegistrationOptions
{
    public const string Section = "trunks.registration";

    /// <summary>Expires the switch asks for (seconds); the carrier may grant less (RFC 3261 §10.2.1.1).</summary>
    public int ExpiresSeconds { get; set; } = 3600;

    /// <summary>
    /// The refresh goes out this long before the granted expiry, or at half the granted time when that is shorter.
    /// 32 s is one whole non-INVITE transaction (64*T1), so even a refresh that needs every retransmission completes
    /// before the binding lapses.
    /// </summary>
    public int RefreshMarginSeconds { get; set; } = 32;

    /// <summary>First wait after a failure; doubled after each further failure up to <see cref="RetryMaxSeconds"/>.</summary>
    public int RetryMinSeconds { get; set; } = 5;

    /// <summary>Longest exponential back-off; also the wait after 403 or rejected credentials.</summary>
    public int RetryMaxSeconds { get; set; } = 300;

    /// <summary>Upper bound on a carrier's Retry-After (RFC 3261 §20.33), so a hostile value cannot park a trunk forever.</summary>
    public int RetryAfterMaxSeconds { get; set; } = 3600;

    /// <summary>How often the gateway table is compared with the running registrations (API changes apply within this).</summary>
    public int ReconcileIntervalMilliseconds { get; set; } = 1000;

    /// <summary>The first problem found, naming the key, or null when the options are usable.</summary>
    public string? Validate(string section)
    {
        if (ExpiresSeconds is < 60 or > 86_400)
        {
            return $"{section}.expiresSeconds must be between 60 and 86400 (got {ExpiresSeconds})";
        }
        if (RefreshMarginSeconds is < 1 or > 3600)
        {
            return $"{section}.refreshMarginSeconds must be between 1 and 3600 (got {RefreshMarginSeconds})";
        }
        if (RetryMinSeconds < 1 || RetryMaxSeconds < RetryMinSeconds || RetryMaxSeconds > 86_400)
        {
            return $"{section}.retryMinSeconds must be >= 1 and {section}.retryMaxSeconds between it and 86400";
        }
        if (RetryAfterMaxSeconds is < 1 or > 86_400)
        {
            return $"{section}.retryAfterMaxSeconds must be between 1 and 86400 (got {RetryAfterMaxSeconds})";
        }
        return ReconcileIntervalMilliseconds is < 50 or > 60_000
            ? $"{section}.reconcileIntervalMilliseconds must be between 50 and 60000 (got {ReconcileIntervalMilliseconds})"
            : null;
    }
}
