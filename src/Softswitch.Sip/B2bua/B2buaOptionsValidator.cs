using Microsoft.Extensions.Options;
using Softswitch.Core.Configuration;

namespace Softswitch.Sip.B2bua;

/// <summary>Fails start-up on a bad "calls" section, naming the key and the value (ranges on <see cref="B2buaOptions"/>).</summary>
public sealed class B2buaOptionsValidator : IValidateOptions<B2buaOptions>
{
    public ValidateOptionsResult Validate(string? name, B2buaOptions o)
    {
        ArgumentNullException.ThrowIfNull(o);
        var failures = new List<string>();
        OptionRules.Check(B2buaOptions.Section, o, failures);
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
