namespace Softswitch.Core.Billing;

/// <summary>
/// A suite in force (生效套餐, InfoCurrentSuite 001_… §3.30): the suite's terms as they were when the order took
/// effect (a later change of the suite does not alter a running period), its expiry and the period's consumption.
/// </summary>
public sealed record CurrentSuite
{
    public long Id { get; init; }
    public required string OwnerName { get; init; }
    public SuiteOwnerType OwnerType { get; init; }
    public long SuiteOrderId { get; init; }
    public required Suite Suite { get; init; }
    public long ExpireTime { get; init; }
    public decimal CurrentConsumption { get; init; }
}
