namespace Softswitch.Api.Endpoints.Billing;

/// <summary>InfoActivePhoneCard (001_… §3.35); bindLimit is left out when the card has no limit ("不设置:表示无限制").</summary>
public sealed record InfoActivePhoneCard
{
    public required string Pin { get; init; }
    public required string Account { get; init; }
    public required string Password { get; init; }
    public string DisplayE164 { get; init; } = "";
    public int? BindLimit { get; init; }
    public long ActiveTime { get; init; }
    public string Memo { get; init; } = "";
}
