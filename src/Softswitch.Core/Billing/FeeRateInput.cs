namespace Softswitch.Core.Billing;

/// <summary>
/// The fields of a rate as a request gives them (InfoFeeRate, 001_… §3.44), all nullable: null = not given. Used by
/// CreateFeeRate (every mandatory field set), ModifyFeeRate (only what changes) and each line of ImportFeeRates.
/// </summary>
public sealed record FeeRateInput
{
    public string? FeePrefix { get; init; }
    public string? AreaCode { get; init; }
    public int? Type { get; init; }
    public string? AreaName { get; init; }
    public IReadOnlyList<FeeRateSectionInput?>? Sections { get; init; }
    public decimal? Fee { get; init; }
    public int? Period { get; init; }
    public int? LockType { get; init; }
    public decimal? IvrFee { get; init; }
    public int? IvrPeriod { get; init; }
}
