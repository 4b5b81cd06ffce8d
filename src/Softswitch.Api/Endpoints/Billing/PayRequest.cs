namespace Softswitch.Api.Endpoints.Billing;

/// <summary>Pay body (001_… §3.22); PayByPhoneCard (§3.58) adds pin and password.</summary>
public sealed record PayRequest
{
    public string? OwnerName { get; init; }
    public int? OwnerType { get; init; }
    public decimal? Money { get; init; }
    public string? Memo { get; init; }
    public string? Pin { get; init; }
    public string? Password { get; init; }
}
