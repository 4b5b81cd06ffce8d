namespace Softswitch.Api.Endpoints.Billing;

/// <summary>PayByPhoneCard body (001_… §3.58): without a password only the pin is checked.</summary>
public sealed record PayByPhoneCardRequest
{
    public string? OwnerName { get; init; }
    public int? OwnerType { get; init; }
    public string? Pin { get; init; }
    public string? Password { get; init; }
    public string? Memo { get; init; }
}
