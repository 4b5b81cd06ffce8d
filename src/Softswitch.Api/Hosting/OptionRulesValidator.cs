using Microsoft.Extensions.Options;
using Softswitch.Core.Configuration;

namespace Softswitch.Api.Hosting;

/// <summary>
/// The validator of a section whose keys have only per-key rules (<see cref="OptionRules"/>); binding errors (a word
/// where a number belongs) are reported by the binder itself when the section is first read.
/// </summary>
public sealed class OptionRulesValidator<TOptions>(string section) : IValidateOptions<TOptions>
    where TOptions : class
{
    public ValidateOptionsResult Validate(string? name, TOptions options)
    {
        var failures = new List<string>();
        OptionRules.Check(section, options, failures);
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
