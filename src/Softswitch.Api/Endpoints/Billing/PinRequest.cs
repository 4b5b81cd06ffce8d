namespace Softswitch.Api.Endpoints.Billing;

/// <summary>DeleteActivePhoneCard body (001_… §3.34): the card's pin.</summary>
public sealed record PinRequest
{
    public string? Pin { get; init; }
}
