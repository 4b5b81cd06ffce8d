namespace Softswitch.Api.Endpoints.Billing;

/// <summary>InfoSuiteOrder (001_… §3.29): exactly the manual's fields (no owner, no failedProcessMode).</summary>
public sealed record InfoSuiteOrder
{
    public long Id { get; init; }
    public long SuiteId { get; init; }
    public long AvailableTime { get; init; }
    public long ExpireTime { get; init; }
    public int Priority { get; init; }
    public decimal RentPercent { get; init; }
    public string Memo { get; init; } = "";
}
