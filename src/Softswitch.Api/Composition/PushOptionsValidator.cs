using Microsoft.Extensions.Options;
using Softswitch.Core.Configuration;
using Softswitch.Core.Pushes;

namespace Softswitch.Api.Composition;

/// <summary>Fails start-up on an unusable "push" section, naming the key (docs/architecture.md "Errors").</summary>
internal sealed class PushOptionsValidator : IValidateOptions<PushOptions>
{
    public ValidateOptionsResult Validate(string? name, PushOptions options)
    {
        var failures = new List<string>();
        OptionRules.Check(PushOptions.Section, options, failures);
        if (options.Enabled
            && (!Uri.TryCreate(options.Url, UriKind.Absolute, out var uri) || (uri.Scheme != "http" && uri.Scheme != "https")))
        {
            failures.Add($"push.url '{options.Url}' is not an absolute http or https URL (leave it empty to turn pushes off).");
        }
        if (options.PageSuffix.Contains('/') || options.PageSuffix.Contains('?'))
        {
            failures.Add($"push.pageSuffix '{options.PageSuffix}' must not contain '/' or '?'.");
        }
        Positive(failures, "push.retryInitialDelay", options.RetryInitialDelay);
        Positive(failures, "push.retryMaxDelay", options.RetryMaxDelay);
        Positive(failures, "push.maxAge", options.MaxAge);
        Positive(failures, "push.requestTimeout", options.RequestTimeout);
        if (options.RetryMaxDelay < options.RetryInitialDelay)
        {
            failures.Add($"push.retryMaxDelay ({options.RetryMaxDelay}) is shorter than push.retryInitialDelay ({options.RetryInitialDelay}).");
        }
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void Positive(List<string> failures, string key, TimeSpan value)
    {
        if (value <= TimeSpan.Zero)
        {
            failures.Add($"{key} must be positive (was {value}).");
        }
    }
}
