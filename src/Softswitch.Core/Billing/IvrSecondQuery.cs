namespace Softswitch.Core.Billing;

/// <summary>GetIvrSecondAvailableTime's request fields (001_… §3.63), as given (null = absent).</summary>
public sealed record IvrSecondQuery
{
    public string? BillingNumber { get; init; }
    public int? BillingType { get; init; }
    public string? CalleeE164 { get; init; }
    public string? AccessE164 { get; init; }
    public int? MergeBillingType { get; init; }
    public string? MergeE164 { get; init; }
    public string? FirstE164 { get; init; }
    public long? FirstConnectTime { get; init; }
    public long? FirstStopTime { get; init; }
}
