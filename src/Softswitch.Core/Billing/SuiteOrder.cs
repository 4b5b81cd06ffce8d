namespace Softswitch.Core.Billing;

/// <summary>
/// A suite order (套餐订单, InfoSuiteOrder 001_… §3.26/§3.29). Times are ms since 1970-01-01 UTC;
/// <see cref="NoExpiry"/> and <see cref="NoPriority"/> are the manual's "unlimited" values.
/// </summary>
public sealed record SuiteOrder
{
    public const long NoExpiry = long.MaxValue;
    public const int NoPriority = int.MaxValue;

    public long Id { get; init; }
    public required string OwnerName { get; init; }
    public SuiteOwnerType OwnerType { get; init; }
    public long SuiteId { get; init; }
    public long AvailableTime { get; init; }
    public long ExpireTime { get; init; } = NoExpiry;
    public int Priority { get; init; } = NoPriority;

    /// <summary>0 wait for the next payment, 1 wait for the next rent period, 2 delete (§3.26).</summary>
    public int FailedProcessMode { get; init; }
    public decimal RentPercent { get; init; } = 100m;
    public string Memo { get; init; } = "";
}
