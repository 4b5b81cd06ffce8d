namespace Softswitch.Api.Endpoints.Billing;

/// <summary>GetActivePhoneCard body (001_… §3.35): pins or accounts, at least one.</summary>
public sealed record GetActivePhoneCardRequest
{
    public IReadOnlyList<string>? Pins { get; init; }
    public IReadOnlyList<string>? Accounts { get; init; }
}
