using Microsoft.Extensions.Options;
using Softswitch.Core.Configuration;

namespace Softswitch.Sip.Registrar;

/// <summary>Fails start-up on a bad "registrar" section, naming the key and the value.</summary>
public sealed class RegistrarOptionsValidator : IValidateOptions<RegistrarOptions>
{
    public ValidateOptionsResult Validate(string? name, RegistrarOptions o)
    {
        ArgumentNullException.ThrowIfNull(o);
        var failures = new List<string>();
        OptionRules.Check(RegistrarOptions.Section, o, failures);
        if (string.IsNullOrWhiteSpace(o.Realm) || o.Realm.Contains('"') || o.Realm.Any(char.IsControl))
        {
            failures.Add($"registrar.realm: '{o.Realm}' must be non-empty, without quotes or control characters");
        }
        if (o.MaxExpires < o.MinExpires)
        {
            failures.Add($"registrar.maxExpires: {o.MaxExpires} is below registrar.minExpires ({o.MinExpires})");
        }
        else if (o.DefaultExpires < o.MinExpires || o.DefaultExpires > o.MaxExpires)
        {
            failures.Add($"registrar.defaultExpires: {o.DefaultExpires} must lie between registrar.minExpires ({o.MinExpires}) and registrar.maxExpires ({o.MaxExpires})");
        }
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
