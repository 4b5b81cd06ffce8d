namespace Softswitch.Core.Billing;

/// <summary>A suite (套餐, InfoSuite 001_… §3.23/§3.25). Money fields are decimal (docs/billing.md).</summary>
public sealed record Suite
{
    public long Id { get; init; }
    public required string Name { get; init; }
    public int RentPeriod { get; init; }
    public SuiteRentType RentType { get; init; }
    public bool NonholonomicOrder { get; init; }
    public decimal RentFee { get; init; }
    public decimal MinConsumption { get; init; }
    public decimal LowerConsumption { get; init; }
    public decimal GiftMoney { get; init; }
    public IReadOnlyList<GiftTime> GiftTimes { get; init; } = [];
    public string Memo { get; init; } = "";
}
