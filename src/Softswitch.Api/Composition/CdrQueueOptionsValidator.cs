using Microsoft.Extensions.Options;
using Softswitch.Core.Cdrs;

namespace Softswitch.Api.Composition;

/// <summary>Fails start-up on unusable CDR queue sizes, naming the key (docs/architecture.md "Errors").</summary>
internal sealed class CdrQueueOptionsValidator : IValidateOptions<CdrQueueOptions>
{
    public ValidateOptionsResult Validate(string? name, CdrQueueOptions options)
    {
        var failures = new List<string>();
        if (options.Capacity < 1)
        {
            failures.Add($"cdr:Capacity must be at least 1 (was {options.Capacity}).");
        }
        if (options.BatchSize < 1)
        {
            failures.Add($"cdr:BatchSize must be at least 1 (was {options.BatchSize}).");
        }
        if (options.RetryDelay <= TimeSpan.Zero)
        {
            failures.Add($"cdr:RetryDelay must be positive (was {options.RetryDelay}).");
        }
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
