using Softswitch.Core.Numbers;

namespace Softswitch.Api.Endpoints.Numbers;

/// <summary>
/// CreateBindedE164 / ModifyBindedE164 / DeleteBindedE164 (001_… §3.36-§3.38) and GetBindedE164 (§3.39: e164s, pin,
/// account) bodies. Null = not given.
/// </summary>
public sealed record BindedE164Request
{
    public string? E164 { get; init; }
    public IReadOnlyList<string>? E164s { get; init; }
    public string? Pin { get; init; }
    public string? Account { get; init; }
    public string? DisplayE164 { get; init; }
    public string? RewriteRulesOutCallee { get; init; }
    public string? Language { get; init; }
    public string? Memo { get; init; }

    public BindedE164Changes ToChanges() => new()
    {
        Pin = Pin,
        DisplayE164 = DisplayE164,
        RewriteRulesOutCallee = RewriteRulesOutCallee,
        Language = Language,
        Memo = Memo,
    };
}
