namespace Softswitch.Core.Billing;

/// <summary>CreateActivePhoneCard / ModifyActivePhoneCard fields (001_… §3.32, §3.33): null = not given.</summary>
public sealed record ActivePhoneCardInput
{
    public string? Pin { get; init; }
    public string? Account { get; init; }
    public string? Password { get; init; }
    public string? DisplayE164 { get; init; }
    public int? BindLimit { get; init; }
    public string? Memo { get; init; }
}
