using Microsoft.Extensions.Options;

namespace Softswitch.Sip.Registrar;

/// <summary>The "registrar" section of conf/softswitch.json.</summary>
public sealed class RegistrarOptions
{
    /// <summary>Digest realm offered in challenges.</summary>
    public string Realm { get; set; } = "softswitch";

    /// <summary>Shorter requested expiries get 423 with Min-Expires (RFC 3261 §10.3 step 7).</summary>
    public int MinExpires { get; set; } = 60;

    /// <summary>Longer requested expiries are cut down to this.</summary>
    public int MaxExpires { get; set; } = 3600;

    /// <summary>Used when neither the Contact nor the request says how long.</summary>
    public int DefaultExpires { get; set; } = 3600;

    /// <summary>How often expired bindings are swept.</summary>
    public int SweepIntervalSeconds { get; set; } = 5;

    /// <summary>Most contacts one phone may bind at once.</summary>
    public int MaxContactsPerPhone { get; set; } = 10;
}

public sealed class RegistrarOptionsValidator : IValidateOptions<RegistrarOptions>
{
    public ValidateOptionsResult Validate(string? name, RegistrarOptions o)
    {
        if (string.IsNullOrWhiteSpace(o.Realm) || o.Realm.Contains('"'))
        {
            return ValidateOptionsResult.Fail("registrar.realm must be non-empty and contain no quote");
        }
        if (o.MinExpires < 1 || o.MaxExpires < o.MinExpires)
        {
            return ValidateOptionsResult.Fail("registrar.minExpires must be >= 1 and registrar.maxExpires >= registrar.minExpires");
        }
        if (o.DefaultExpires < o.MinExpires || o.DefaultExpires > o.MaxExpires)
        {
            return ValidateOptionsResult.Fail("registrar.defaultExpires must lie between registrar.minExpires and registrar.maxExpires");
        }
        return o.SweepIntervalSeconds < 1 || o.MaxContactsPerPhone < 1
            ? ValidateOptionsResult.Fail("registrar.sweepIntervalSeconds and registrar.maxContactsPerPhone must be >= 1")
            : ValidateOptionsResult.Success;
    }
}

public sealed class AuthOptionsValidator : IValidateOptions<AuthOptions>
{
    public ValidateOptionsResult Validate(string? name, AuthOptions options) =>
        options.Validate("softswitch") is { } problem ? ValidateOptionsResult.Fail(problem) : ValidateOptionsResult.Success;
}
