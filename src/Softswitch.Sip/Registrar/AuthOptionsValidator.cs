using Microsoft.Extensions.Options;
using Softswitch.Core.Configuration;

namespace Softswitch.Sip.Registrar;

/// <summary>Fails start-up on a bad "auth" section, naming the key and the value.</summary>
public sealed class AuthOptionsValidator : IValidateOptions<AuthOptions>
{
    public ValidateOptionsResult Validate(string? name, AuthOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        OptionRules.Check(AuthOptions.Section, options, failures);
        if (failures.Count == 0 && options.Validate() is { } problem)
        {
            failures.Add(problem);
        }
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
