using System.Net;
using Microsoft.Extensions.Options;
using Softswitch.Core.Configuration;

namespace Softswitch.Api.Hosting;

/// <summary>Fails start-up on a bad "http" section, naming the key and the value (docs/architecture.md "Rules of the house").</summary>
public sealed class HttpOptionsValidator : IValidateOptions<HttpOptions>
{
    public ValidateOptionsResult Validate(string? name, HttpOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        OptionRules.Check(HttpOptions.Section, options, failures);
        if (!IPAddress.TryParse(options.BindAddress, out _))
        {
            failures.Add($"http.bindAddress: '{options.BindAddress}' is not an IP address");
        }
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
