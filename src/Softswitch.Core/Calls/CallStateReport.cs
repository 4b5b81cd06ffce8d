namespace Softswitch.Core.Calls;

/// <summary>
/// Raised on every state change: everything the CallStateReport push needs (001_… §4.5: callId, callState,
/// eventTime, caller/callee e164, gateway ids, IPs, local IPs, transactionId, callIdentifier = caller Call-ID),
/// plus the trigger, the previous state and, on release, the end reason and direction.
/// </summary>
public sealed record CallStateReport
{
    public required long CallId { get; init; }
    public required CallState CallState { get; init; }
    public required CallState PreviousState { get; init; }
    public CallTrigger? Trigger { get; init; }
    public required DateTimeOffset EventTime { get; init; }
    public required string CallerE164 { get; init; }
    public required string CalleeE164 { get; init; }
    public string? CallerGatewayId { get; init; }
    public string? CalleeGatewayId { get; init; }
    public string CallerIp { get; init; } = "";
    public string CalleeIp { get; init; } = "";
    public string CallerLocalIp { get; init; } = "";
    public string CalleeLocalIp { get; init; } = "";
    public string? TransactionId { get; init; }
    public string CallIdentifier { get; init; } = "";
    public EndReason? EndReason { get; init; }
    public EndDirection? EndDirection { get; init; }
}
