using System.ComponentModel.DataAnnotations;

namespace Softswitch.Sip.Registrar;

/// <summary>The "registrar" section: the digest realm, how long registrations last, how many contacts a phone may bind.</summary>
public sealed class RegistrarOptions
{
    public const string Section = "registrar";

    /// <summary>Digest realm offered in challenges (RFC 3261 §22.1); no double quote.</summary>
    public string Realm { get; set; } = "softswitch";

    /// <summary>Shorter requested expiries get 423 with Min-Expires (RFC 3261 §10.3 step 7).</summary>
    [Range(1, 86_400)]
    public int MinExpires { get; set; } = 60;

    /// <summary>Longer requested expiries are cut down to this.</summary>
    [Range(1, 604_800)]
    public int MaxExpires { get; set; } = 3600;

    /// <summary>Used when neither the Contact nor the request says how long; between minExpires and maxExpires.</summary>
    public int DefaultExpires { get; set; } = 3600;

    /// <summary>How often expired bindings are removed.</summary>
    [Range(1, 3_600)]
    public int SweepIntervalSeconds { get; set; } = 5;

    /// <summary>
    /// Most contacts one phone may bind at once. A REGISTER adding a contact past it replaces the least recently
    /// refreshed binding; one naming more new contacts than this by itself gets 403 naming the limit.
    /// </summary>
    [Range(1, 1_000)]
    public int MaxContactsPerPhone { get; set; } = 10;
}
