namespace Softswitch.Api.Endpoints.Billing;

/// <summary>GetIvrSecondAvailableTime body (001_… §3.63).</summary>
public sealed record GetIvrSecondAvailableTimeRequest
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
