namespace Softswitch.Core.Calls;

/// <summary>
/// What is known about a call when its INVITE arrives, before routing: the caller leg and the number dialled.
/// Names follow InfoCurrentCall / InfoCdr (001_… §3.21, §3.47). The callee leg is added by
/// <see cref="Call.SetCalleeLeg"/> once the call is routed.
/// </summary>
public sealed record CallSetup
{
    /// <summary>Billing caller number (after inbound rewrite); callerE164.</summary>
    public required string CallerE164 { get; init; }

    /// <summary>Billing callee number (after inbound rewrite); calleeE164. May be replaced at routing.</summary>
    public required string CalleeE164 { get; init; }

    /// <summary>Caller number as received (callerAccessE164); the billing number when null.</summary>
    public string? CallerAccessE164 { get; init; }

    /// <summary>Callee number as dialled (calleeAccessE164); the billing number when null.</summary>
    public string? CalleeAccessE164 { get; init; }

    public string CallerIp { get; init; } = "";
    public int CallerPort { get; init; }

    /// <summary>Local address that took the caller's INVITE (callerLocalIp).</summary>
    public string CallerLocalIp { get; init; } = "";

    /// <summary>The paying account (the caller phone's, or the mapping gateway's).</summary>
    public string Account { get; init; } = "";
    public string AccountName { get; init; } = "";

    /// <summary>Mapping gateway (对接网关) the call came in through; null for a phone.</summary>
    public string? CallerGateway { get; init; }

    /// <summary>Caller's User-Agent (callerTerminal / callerProductId).</summary>
    public string CallerProductId { get; init; } = "";

    /// <summary>Caller leg's SIP Call-ID (CallStateReport callIdentifier, 001_… §4.5).</summary>
    public string CallerSipCallId { get; init; } = "";

    /// <summary>Codecs the caller offered (callerCodec), e.g. "PCMA,PCMU".</summary>
    public string CallerCodec { get; init; } = "";

    /// <summary>Set when the call was started by an API request (call-back), echoed in CallStateReport.</summary>
    public string? TransactionId { get; init; }
}
