namespace Softswitch.Api.Endpoints.Billing;

/// <summary>GetPhoneCard body (001_… §3.84): pin, and optionally its password.</summary>
public sealed record GetPhoneCardRequest
{
    public string? Pin { get; init; }
    public string? Password { get; init; }
}
