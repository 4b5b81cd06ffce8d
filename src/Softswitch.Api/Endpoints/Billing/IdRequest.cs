namespace Softswitch.Api.Endpoints.Billing;

/// <summary>DeleteSuiteOrder (001_… §3.28) and DeleteCurrentSuite (§3.31) bodies: the id.</summary>
public sealed record IdRequest
{
    public long? Id { get; init; }
}
