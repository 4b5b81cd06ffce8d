using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using Softswitch.Sip.Auth;

namespace Softswitch.Sip.Registrar;

/// <summary>The "auth" section of conf/softswitch.json: digest nonce lifetime and the failure throttle.</summary>
public sealed class AuthOptions
{
    public const string Section = "auth";

    private const string DefaultAlgorithm = "MD5";

    /// <summary>After this long a nonce is stale: correct credentials get 401 with stale=true (RFC 7616 §3.3).</summary>
    [Range(1, 86_400)]
    public int NonceLifetimeSeconds { get; set; } = 300;

    /// <summary>
    /// Digest algorithms offered, one challenge header each, in this order. The default is MD5 alone: SIPp 3.6
    /// answers only the first challenge and knows only MD5, and Debian's baresip 1.0 refuses a 401 that carries any
    /// non-MD5 challenge at all, so offering SHA-256 by default would lock such phones out. Where every client
    /// supports it, configure ["SHA-256","MD5"] (RFC 8760 §2.4: clients pick the strongest they know).
    /// </summary>
    /// <remarks>Null means the default; a default array here would be appended to by the configuration binder.</remarks>
    [DefaultValue(new[] { DefaultAlgorithm })]
    public string[]? Algorithms { get; set; }

    private static readonly string[] DefaultAlgorithms = [DefaultAlgorithm];

    private string[] EffectiveAlgorithms => Algorithms is { Length: > 0 } a ? a : DefaultAlgorithms;

    /// <summary>
    /// Failed authentications of one user name from one source address within the window before that name is blocked
    /// at that address (other phones behind the same NAT are not).
    /// </summary>
    [Range(1, 1_000_000)]
    public int FailureLimit { get; set; } = 10;

    /// <summary>
    /// Failed authentications of any user names from one source address within the window before the whole address is
    /// blocked (a guesser trying many names); phones already registered from it are never blocked by this. Not below
    /// failureLimit.
    /// </summary>
    [Range(1, 1_000_000)]
    public int SourceFailureLimit { get; set; } = 100;

    /// <summary>The window failureLimit counts in, started by the first failure.</summary>
    [Range(1, 86_400)]
    public int FailureWindowSeconds { get; set; } = 60;

    /// <summary>First block length; repeated blocks without a success in between double, up to 15 minutes.</summary>
    [Range(1, 86_400)]
    public int BlockSeconds { get; set; } = 60;

    internal DigestAuthOptions ToDigest(string realm) => new()
    {
        Realm = realm,
        NonceLifetime = TimeSpan.FromSeconds(NonceLifetimeSeconds),
        Algorithms = ParseAlgorithms(),
    };

    private DigestAlgorithm[] ParseAlgorithms() =>
        EffectiveAlgorithms.Select(name => DigestAlgorithmNames.TryParse(name, out var a)
            ? a
            : throw new InvalidOperationException($"auth.algorithms: unknown digest algorithm '{name}'")).ToArray();

    internal AuthThrottleOptions ToThrottle() => new()
    {
        MaxFailures = FailureLimit,
        MaxSourceFailures = SourceFailureLimit,
        Window = TimeSpan.FromSeconds(FailureWindowSeconds),
        BlockDuration = TimeSpan.FromSeconds(BlockSeconds),
        MaxBlockDuration = TimeSpan.FromSeconds(Math.Max(BlockSeconds, 900)),
    };

    /// <summary>Null when the algorithm list is usable, else a line naming the key and the value.</summary>
    public string? Validate()
    {
        if (SourceFailureLimit < FailureLimit)
        {
            return $"auth.sourceFailureLimit: {SourceFailureLimit} is below auth.failureLimit ({FailureLimit})";
        }
        foreach (string name in EffectiveAlgorithms)
        {
            if (!DigestAlgorithmNames.TryParse(name, out _))
            {
                return $"auth.algorithms: '{name}' is not MD5, MD5-sess, SHA-256 or SHA-256-sess";
            }
        }
        return EffectiveAlgorithms.Distinct(StringComparer.OrdinalIgnoreCase).Count() == EffectiveAlgorithms.Length
            ? null
            : $"auth.algorithms: {string.Join(", ", EffectiveAlgorithms)} names an algorithm twice";
    }
}
