using Softswitch.Sip.Auth;

namespace Softswitch.Sip.Registrar;

/// <summary>The "auth" section of conf/softswitch.json: digest nonce lifetime and the failure throttle.</summary>
public sealed class AuthOptions
{
    public int NonceLifetimeSeconds { get; set; } = 300;

    /// <summary>Failed authentications from one source address within the window before it is blocked.</summary>
    public int FailureLimit { get; set; } = 10;

    public int FailureWindowSeconds { get; set; } = 60;

    /// <summary>First block length; repeated blocks without a success in between double, up to 15 minutes.</summary>
    public int BlockSeconds { get; set; } = 60;

    internal DigestAuthOptions ToDigest(string realm) => new()
    {
        Realm = realm,
        NonceLifetime = TimeSpan.FromSeconds(NonceLifetimeSeconds),
    };

    internal AuthThrottleOptions ToThrottle() => new()
    {
        MaxFailures = FailureLimit,
        Window = TimeSpan.FromSeconds(FailureWindowSeconds),
        BlockDuration = TimeSpan.FromSeconds(BlockSeconds),
        MaxBlockDuration = TimeSpan.FromSeconds(Math.Max(BlockSeconds, 900)),
    };

    /// <summary>Null when valid, else the offending key.</summary>
    public string? Validate(string realm) =>
        ToDigest(realm).Validate() is { } digest ? "auth: " + digest
        : ToThrottle().Validate() is { } throttle ? "auth: " + throttle
        : null;
}
