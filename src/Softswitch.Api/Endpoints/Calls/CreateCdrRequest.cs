using Softswitch.Core.Cdrs;

namespace Softswitch.Api.Endpoints.Calls;

/// <summary>CreateCdr body (001_… §3.51); billingMode and billingTime mandatory.</summary>
public sealed record CreateCdrRequest
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

    public ExternalCdr ToExternal() => new()
    {
        BillingMode = BillingMode,
        Account = Account,
        CallerE164 = CallerE164,
        CalleeE164 = CalleeE164,
        CallerIp = CallerIp,
        CallerGatewayId = CallerGatewayId,
        CallerProductId = CallerProductId,
        CallerToGatewayE164 = CallerToGatewayE164,
        CalleeIp = CalleeIp,
        CalleeGatewayId = CalleeGatewayId,
        CalleeProductId = CalleeProductId,
        CalleeToGatewayE164 = CalleeToGatewayE164,
        StartTime = StartTime,
        StopTime = StopTime,
        BillingTime = BillingTime,
        EndDirection = EndDirection,
        EndReason = EndReason,
        FlowNo = FlowNo,
    };
}
