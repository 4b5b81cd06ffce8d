namespace Softswitch.Api.Endpoints.Billing;

/// <summary>GetFeeRate body (001_… §3.44): the group, and optionally the areas wanted.</summary>
public sealed record GetFeeRateRequest
{
    public string? FeeRateGroup { get; init; }
    public IReadOnlyList<string>? AreaCodes { get; init; }
}
