using Microsoft.Extensions.Options;

namespace Softswitch.Sip.Media;

/// <summary>Start-up validation of <see cref="RtpRelayOptions"/> (STYLE: a bad config fails fast with the key named).</summary>
public sealed class RtpRelayOptionsValidator : IValidateOptions<RtpRelayOptions>
{
    public ValidateOptionsResult Validate(string? name, RtpRelayOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = options.Problems();
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
