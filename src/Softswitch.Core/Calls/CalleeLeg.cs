namespace Softswitch.Core.Calls;

/// <summary>
/// The callee side of a call once routed (or re-routed on failover): where INVITE went and with which numbers.
/// Null fields keep their previous value.
/// </summary>
public sealed record CalleeLeg
{
    /// <summary>Billing callee number if routing changed it.</summary>
    public string? CalleeE164 { get; init; }

    /// <summary>Numbers as sent to the callee (callerToGatewayE164 / calleeToGatewayE164, 001_… §3.47).</summary>
    public string? CallerToGatewayE164 { get; init; }
    public string? CalleeToGatewayE164 { get; init; }

    public string? CalleeIp { get; init; }
    public int? CalleePort { get; init; }
    public string? CalleeLocalIp { get; init; }

    /// <summary>Routing gateway (落地网关); null for a phone of this switch.</summary>
    public string? CalleeGateway { get; init; }
    public string? CalleeSipCallId { get; init; }
    public string? CalleeProductId { get; init; }
}
