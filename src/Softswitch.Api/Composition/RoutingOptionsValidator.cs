using Microsoft.Extensions.Options;
using Softswitch.Core.Configuration;
using Softswitch.Core.Routing;

namespace Softswitch.Api.Composition;

/// <summary>
/// Fails start-up on a bad "routing" section: the declared ranges, then the cross-key rules of
/// <see cref="RoutingOptions.Validate"/>, one line each naming the key and the value.
/// </summary>
public sealed class RoutingOptionsValidator : IValidateOptions<RoutingOptions>
{
    public ValidateOptionsResult Validate(string? name, RoutingOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        OptionRules.Check(RoutingOptions.Section, options, failures);
        options.Validate(failures);
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
