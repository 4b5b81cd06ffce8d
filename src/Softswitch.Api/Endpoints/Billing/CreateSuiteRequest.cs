namespace Softswitch.Api.Endpoints.Billing;

/// <summary>CreateSuite body (001_… §3.23). Null = not given.</summary>
public sealed record CreateSuiteRequest
{
    public string? Name { get; init; }
    public int? RentPeriod { get; init; }
    public int? RentType { get; init; }
    public bool? NonholonomicOrder { get; init; }
    public decimal? RentFee { get; init; }
    public decimal? MinConsumption { get; init; }
    public decimal? LowerConsumption { get; init; }
    public decimal? GiftMoney { get; init; }
    public IReadOnlyList<InfoGiftTime?>? InfoGiftTimes { get; init; }
    public string? Memo { get; init; }
}
