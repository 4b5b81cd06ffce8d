namespace Softswitch.Api.Endpoints.Billing;

/// <summary>InfoGiftTime (001_… §3.23): in CreateSuite's body (null = not given) and in InfoSuite/InfoCurrentSuite.</summary>
public sealed record InfoGiftTime
{
    public string? Prefix { get; init; }
    public int? StartTime { get; init; }
    public int? EndTime { get; init; }
    public int? GiftTime { get; init; }
    public int? BillingTime { get; init; }
    public string? Memo { get; init; }
}
