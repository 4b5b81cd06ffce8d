namespace Softswitch.Core.Billing;

/// <summary>InfoGiftTime as a request carries it (001_… §3.23): null = not given.</summary>
public sealed record GiftTimeInput
{
    public string? Prefix { get; init; }
    public int? StartTime { get; init; }
    public int? EndTime { get; init; }
    public int? GiftTime { get; init; }
    public int? BillingTime { get; init; }
    public string? Memo { get; init; }
}
