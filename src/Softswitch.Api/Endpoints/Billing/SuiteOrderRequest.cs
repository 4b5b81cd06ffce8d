namespace Softswitch.Api.Endpoints.Billing;

/// <summary>
/// CreateSuiteOrder (001_… §3.26) and ModifySuiteOrder (§3.27) bodies; Modify uses id and the optional fields.
/// Null = not given.
/// </summary>
public sealed record SuiteOrderRequest
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
