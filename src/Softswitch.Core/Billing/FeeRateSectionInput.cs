namespace Softswitch.Core.Billing;

/// <summary>InfoFeeRateSection as given (001_… §3.44): every field is M in the manual.</summary>
public sealed record FeeRateSectionInput(decimal? Fee, int? Time, int? Position);
