namespace Softswitch.Api.Endpoints.Billing;

/// <summary>InfoSuite (001_… §3.25).</summary>
public sealed record InfoSuite
{
    public long Id { get; init; }
    public required string Name { get; init; }
    public int RentPeriod { get; init; }
    public int RentType { get; init; }
    public bool NonholonomicOrder { get; init; }
    public decimal RentFee { get; init; }
    public decimal MinConsumption { get; init; }
    public decimal LowerConsumption { get; init; }
    public decimal GiftMoney { get; init; }
    public IReadOnlyList<InfoGiftTime> InfoGiftTimes { get; init; } = [];
    public string Memo { get; init; } = "";
}
