namespace Softswitch.Api.Endpoints.Billing;

/// <summary>InfoFeeRate (001_… §3.44), as answered by GetFeeRate.</summary>
public sealed record InfoFeeRate
{
    public required string FeePrefix { get; init; }
    public required string AreaCode { get; init; }
    public int Type { get; init; }
    public required string AreaName { get; init; }
    public IReadOnlyList<InfoFeeRateSection> InfoFeeRateSections { get; init; } = [];
    public decimal Fee { get; init; }
    public int Period { get; init; }
    public int LockType { get; init; }
    public decimal IvrFee { get; init; }
    public int IvrPeriod { get; init; }
}
