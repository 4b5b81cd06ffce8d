using Microsoft.Extensions.Options;

namespace Softswitch.Sip.Trunks;

/// <summary>Fails start-up on a bad "trunks:registration" section, naming the key.</summary>
public sealed class UpstreamRegistrationOptionsValidator : IValidateOptions<UpstreamRegistrationOptions>
{
    public ValidateOptionsResult Validate(string? name, UpstreamRegistrationOptions options) =>
        options.Validate("trunks.registration") is { } problem ? ValidateOptionsResult.Fail(problem) : ValidateOptionsResult.Success;
}
