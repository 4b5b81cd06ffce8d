using Microsoft.Extensions.Options;

namespace Softswitch.Sip.Auth;

/// <summary>Start-up validation of <see cref="AuthThrottleOptions"/> (STYLE: a bad config fails fast with the key named).</summary>
public sealed class AuthThrottleOptionsValidator : IValidateOptions<AuthThrottleOptions>
{
    public ValidateOptionsResult Validate(string? name, AuthThrottleOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        string? problem = options.Validate();
        return problem is null ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problem);
    }
}
