using Softswitch.Core.Numbers;

namespace Softswitch.Api.Endpoints.Numbers;

/// <summary>
/// CreateBindedE164 / ModifyBindedE164 / DeleteBindedE164 (001_… §3.36-§3.38) and GetBindedE164 (§3.39: e164s, pin,
/// account) bodies: the keys plus every field of Core's change record, whose names are the manual's. Null = not given.
/// </summary>
public sealed record BindedE164Request : BindedE164Changes
{
    public string? E164 { get; init; }
    public IReadOnlyList<string>? E164s { get; init; }
    public string? Account { get; init; }
}
