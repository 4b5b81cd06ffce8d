namespace Softswitch.Core.Numbers;

/// <summary>
/// A number bound to a phone card in use (绑定号码, 001_… §3.36, §3.39 InfoBindedE164): calls from
/// <see cref="E164"/> are billed to the card <see cref="Pin"/> (allowBindedE164Billing on mapping gateways).
/// </summary>
public sealed record BindedE164
{
    public required string E164 { get; init; }
    public required string Pin { get; init; }
    public string DisplayE164 { get; init; } = "";
    public string RewriteRulesOutCallee { get; init; } = "";

    /// <summary>When it was bound, ms since 1970-01-01 UTC.</summary>
    public long BindTime { get; init; }
    public string Language { get; init; } = "";
    public string Memo { get; init; } = "";
}
