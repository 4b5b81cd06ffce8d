namespace Softswitch.Core.Billing;

/// <summary>CreateSuite fields (001_… §3.23) as the request carries them: null = not given.</summary>
public sealed record SuiteInput
{
    public string? Name { get; init; }
    public int? RentPeriod { get; init; }
    public int? RentType { get; init; }
    public bool? NonholonomicOrder { get; init; }
    public decimal? RentFee { get; init; }
    public decimal? MinConsumption { get; init; }
    public decimal? LowerConsumption { get; init; }
    public decimal? GiftMoney { get; init; }
    public IReadOnlyList<GiftTimeInput?>? GiftTimes { get; init; }
    public string? Memo { get; init; }
}
