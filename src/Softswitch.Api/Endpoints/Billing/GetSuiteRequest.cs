namespace Softswitch.Api.Endpoints.Billing;

/// <summary>GetSuite body (001_… §3.25): ids, or absent for every suite.</summary>
public sealed record GetSuiteRequest
{
    public IReadOnlyList<long>? Ids { get; init; }
}
