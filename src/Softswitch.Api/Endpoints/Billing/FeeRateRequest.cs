namespace Softswitch.Api.Endpoints.Billing;

/// <summary>CreateFeeRate / ModifyFeeRate / DeleteFeeRate bodies (project extensions of 001_… §3.44, docs/billing.md): InfoFeeRate's fields plus the group; feePrefixes for the delete.</summary>
public sealed record FeeRateRequest
{
    public string? FeeRateGroup { get; init; }
    public string? FeePrefix { get; init; }
    public string? AreaCode { get; init; }
    public int? Type { get; init; }
    public string? AreaName { get; init; }
    public IReadOnlyList<InfoFeeRateSection?>? InfoFeeRateSections { get; init; }
    public decimal? Fee { get; init; }
    public int? Period { get; init; }
    public int? LockType { get; init; }
    public decimal? IvrFee { get; init; }
    public int? IvrPeriod { get; init; }
    public IReadOnlyList<string?>? FeePrefixes { get; init; }
}
