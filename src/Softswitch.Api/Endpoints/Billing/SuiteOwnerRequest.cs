namespace Softswitch.Api.Endpoints.Billing;

/// <summary>GetSuiteOrder (001_… §3.29) and GetCurrentSuite (§3.30) bodies: ownerType 2 account, 6 phone.</summary>
public sealed record SuiteOwnerRequest
{
    public string? OwnerName { get; init; }
    public int? OwnerType { get; init; }
}
