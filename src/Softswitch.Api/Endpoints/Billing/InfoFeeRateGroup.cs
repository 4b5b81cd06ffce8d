namespace Softswitch.Api.Endpoints.Billing;

/// <summary>InfoFeeRateGroup (001_… §3.40): name and memo; fakeMinute (§3.41) is added when set.</summary>
public sealed record InfoFeeRateGroup
{
    public required string Name { get; init; }
    public int? FakeMinute { get; init; }
    public required string Memo { get; init; }
}
