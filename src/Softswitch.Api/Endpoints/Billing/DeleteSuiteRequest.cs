namespace Softswitch.Api.Endpoints.Billing;

/// <summary>DeleteSuite body (001_… §3.24): force 0 (default) checks dependants, 1 deletes them too.</summary>
public sealed record DeleteSuiteRequest
{
    public long? Id { get; init; }
    public int? Force { get; init; }
}
