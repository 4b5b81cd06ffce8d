namespace Softswitch.Core.Billing;

/// <summary>
/// InfoGiftTime (001_… §3.23): free seconds a suite gives for calls to <see cref="Prefix"/> (a comma list of area
/// prefixes) between <see cref="StartTime"/> and <see cref="EndTime"/> seconds after local midnight, billed in
/// steps of <see cref="BillingTime"/> seconds.
/// </summary>
public sealed record GiftTime
{
    public required string Prefix { get; init; }
    public int StartTime { get; init; }
    public int EndTime { get; init; }
    /// <summary>giftTime (§3.23); a member cannot share the record's name in C#.</summary>
    [System.Text.Json.Serialization.JsonPropertyName("giftTime")]
    public int GiftTimeSeconds { get; init; }
    public int BillingTime { get; init; }
    public string Memo { get; init; } = "";
}
