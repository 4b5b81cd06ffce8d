namespace Softswitch.Core.Numbers;

/// <summary>CreateBindedE164 / ModifyBindedE164 fields (001_… §3.36, §3.37); null = not given. Applied by name
/// (<c>JsonOverlay</c>); not sealed: the API's request record adds its keys.</summary>
public record BindedE164Changes
{
    public string? Pin { get; init; }
    public string? DisplayE164 { get; init; }
    public string? RewriteRulesOutCallee { get; init; }
    public string? Language { get; init; }
    public string? Memo { get; init; }
}
