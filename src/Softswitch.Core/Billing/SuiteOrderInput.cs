namespace Softswitch.Core.Billing;

/// <summary>
/// CreateSuiteOrder / ModifySuiteOrder fields (001_… §3.26, §3.27) as the request carries them: null = not given.
/// Modify reads only <see cref="Id"/>, <see cref="ExpireTime"/>, <see cref="Priority"/>,
/// <see cref="FailedProcessMode"/>, <see cref="RentPercent"/> and <see cref="Memo"/>.
/// </summary>
public sealed record SuiteOrderInput
{
    public long? Id { get; init; }
    public string? OwnerName { get; init; }
    public int? OwnerType { get; init; }
    public long? SuiteId { get; init; }
    public long? AvailableTime { get; init; }
    public long? ExpireTime { get; init; }
    public int? Priority { get; init; }
    public int? FailedProcessMode { get; init; }
    public decimal? RentPercent { get; init; }
    public string? Memo { get; init; }
}
