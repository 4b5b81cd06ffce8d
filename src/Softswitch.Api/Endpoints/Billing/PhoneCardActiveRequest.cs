namespace Softswitch.Api.Endpoints.Billing;

/// <summary>PhoneCardActive body (001_… §3.59): without a password only the pin is checked.</summary>
public sealed record PhoneCardActiveRequest
{
    public string? Pin { get; init; }
    public string? Password { get; init; }
    public string? BindedE164 { get; init; }
}
