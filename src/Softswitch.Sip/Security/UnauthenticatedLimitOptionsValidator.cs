using Microsoft.Extensions.Options;
using Softswitch.Core.Configuration;

namespace Softswitch.Sip.Security;

/// <summary>Fails start-up on a bad "sip.unauthenticated" section, naming the key and the value.</summary>
public sealed class UnauthenticatedLimitOptionsValidator : IValidateOptions<UnauthenticatedLimitOptions>
{
    public ValidateOptionsResult Validate(string? name, UnauthenticatedLimitOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        OptionRules.Check(UnauthenticatedLimitOptions.Section, options, failures);
        if (options.Validate() is { } problem)
        {
            failures.Add(problem);
        }
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
