namespace Softswitch.Api.Endpoints.Billing;

/// <summary>CreateActivePhoneCard (001_… §3.32) / ModifyActivePhoneCard (§3.33) body. Null = not given.</summary>
public sealed record ActivePhoneCardRequest
{
    public string? Pin { get; init; }
    public string? Account { get; init; }
    public string? Password { get; init; }
    public string? DisplayE164 { get; init; }
    public int? BindLimit { get; init; }
    public string? Memo { get; init; }
}
