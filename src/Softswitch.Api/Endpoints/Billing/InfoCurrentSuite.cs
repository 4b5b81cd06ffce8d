namespace Softswitch.Api.Endpoints.Billing;

/// <summary>InfoCurrentSuite (001_… §3.30): the suite's terms as they were when it took effect.</summary>
public sealed record InfoCurrentSuite
{
    public long Id { get; init; }
    public long SuiteId { get; init; }
    public long SuiteOrderId { get; init; }
    public int RentPeriod { get; init; }
    public int RentType { get; init; }
    public decimal RentFee { get; init; }
    public long ExpireTime { get; init; }
    public decimal MinConsumption { get; init; }
    public decimal CurrentConsumption { get; init; }
    public decimal LowerConsumption { get; init; }
    public decimal GiftMoney { get; init; }
    public IReadOnlyList<InfoGiftTime> InfoGiftTimes { get; init; } = [];
    public string Memo { get; init; } = "";
}
