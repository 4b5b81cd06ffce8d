namespace Softswitch.Api.Endpoints.Billing;

/// <summary>InfoFeeRateSection (001_… §3.44): one step of a segmented rate.</summary>
public sealed record InfoFeeRateSection
{
    public decimal? Fee { get; init; }
    public int? Time { get; init; }
    public int? Position { get; init; }
}
