namespace Softswitch.Core.Cdrs;

/// <summary>A CreateCdr request (external billing, 001_… §3.51), as received; validated by <see cref="CdrService"/>.</summary>
public sealed record ExternalCdr
{
    public int? BillingMode { get; init; }
    public string? Account { get; init; }
    public string? CallerE164 { get; init; }
    public string? CalleeE164 { get; init; }
    public string? CallerIp { get; init; }
    public string? CallerGatewayId { get; init; }
    public string? CallerProductId { get; init; }
    public string? CallerToGatewayE164 { get; init; }
    public string? CalleeIp { get; init; }
    public string? CalleeGatewayId { get; init; }
    public string? CalleeProductId { get; init; }
    public string? CalleeToGatewayE164 { get; init; }
    public long? StartTime { get; init; }
    public long? StopTime { get; init; }
    public int? BillingTime { get; init; }
    public int? EndDirection { get; init; }
    public int? EndReason { get; init; }
    public long? FlowNo { get; init; }
}
