using Microsoft.Extensions.Options;
using Softswitch.Core.Configuration;

namespace Softswitch.Api.Vos.Access;

/// <summary>
/// Fails start-up on a bad "api" section, naming the key (docs/architecture.md "Errors": options validated at start).
/// </summary>
public sealed class VosApiOptionsValidator : IValidateOptions<VosApiOptions>
{
    public ValidateOptionsResult Validate(string? name, VosApiOptions options)
    {
        var failures = new List<string>();
        // The [Range] of maxBodyBytes (a body is held in memory while parsed) and maxArrayItems.
        OptionRules.Check(VosApiOptions.Section, options, failures);
        for (int i = 0; i < options.AllowedClients.Count; i++)
        {
            if (!VosAccess.IsAddressOrNetwork(options.AllowedClients[i]))
            {
                failures.Add($"api.allowedClients[{i}] '{options.AllowedClients[i]}' is not an IP address or CIDR network.");
            }
        }
        for (int r = 0; r < options.Access.Count; r++)
        {
            var rule = options.Access[r];
            if (!rule.Directory.StartsWith("/external/", StringComparison.OrdinalIgnoreCase))
            {
                failures.Add($"api.access[{r}].directory '{rule.Directory}' must be /external/server, " +
                             "/external/server/<Name> or /external/test/server.");
            }
            for (int i = 0; i < rule.AllowedClients.Count; i++)
            {
                if (!VosAccess.IsAddressOrNetwork(rule.AllowedClients[i]))
                {
                    failures.Add($"api.access[{r}].allowedClients[{i}] '{rule.AllowedClients[i]}' is not an IP address or CIDR network.");
                }
            }
        }
        if (options.BearerToken is { Length: > 0 and < 16 })
        {
            failures.Add("api.bearerToken must be at least 16 characters.");
        }
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
