namespace Softswitch.Api.Endpoints.Billing;

/// <summary>CreateFeeRateGroup / ModifyFeeRateGroup / DeleteFeeRateGroup bodies (001_… §3.41-§3.43). Null = not given.</summary>
public sealed record FeeRateGroupRequest
{
    public string? Name { get; init; }
    public int? FakeMinute { get; init; }
    public string? Memo { get; init; }
}
