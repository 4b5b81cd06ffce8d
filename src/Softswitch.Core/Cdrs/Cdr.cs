using Softswitch.Core.Calls;

namespace Softswitch.Core.Cdrs;

/// <summary>
/// A call detail record: InfoCdr (001_… §3.47), field for field. Times are milliseconds since 1970-01-01 UTC,
/// durations seconds. Billing fields stay 0 / "" until billing exists (fee rates, suites, agents). FlowNo is the
/// CDR's unique key, assigned by the store when written (null until then) or given by CreateCdr (001_… §3.51).
/// CallId links a switch CDR to its call (0 for CreateCdr); it is not a manual field and is not sent by GetCdr.
/// </summary>
public sealed record Cdr
{
    /// <summary>Null until the store assigns one (switch CDRs, CreateCdr with flowNo -1).</summary>
    public long? FlowNo { get; init; }
    public long CallId { get; init; }
    public string CallerE164 { get; init; } = "";
    public string CallerAccessE164 { get; init; } = "";
    public string CallerProductId { get; init; } = "";
    public string CallerToGatewayE164 { get; init; } = "";
    public string CallerGateway { get; init; } = "";
    public string CallerIp { get; init; } = "";
    public string CalleeE164 { get; init; } = "";
    public string CalleeAccessE164 { get; init; } = "";
    public string CalleeProductId { get; init; } = "";
    public string CalleeToGatewayE164 { get; init; } = "";
    public string CalleeGateway { get; init; } = "";
    public string CalleeIp { get; init; } = "";
    public long Start { get; init; }
    public long Stop { get; init; }
    public int HoldTime { get; init; }
    public int FeeTime { get; init; }
    public double Fee { get; init; }
    public string FeePrefix { get; init; } = "";
    public double SuiteFee { get; init; }
    public int SuiteFeeTime { get; init; }
    public double AgentFee { get; init; }
    public int AgentFeeTime { get; init; }
    public string AgentFeePrefix { get; init; } = "";
    public double AgentSuiteFee { get; init; }
    public int AgentSuiteFeeTime { get; init; }

    /// <summary>1 on-net, 2 local, 4 national, 5 international (001_… §3.47); calls between phones are on-net.</summary>
    public int CallLevel { get; init; } = 1;
    public string Account { get; init; } = "";
    public string AccountName { get; init; } = "";
    public string AgentAccount { get; init; } = "";
    public string AgentName { get; init; } = "";
    public EndDirection EndDirection { get; init; }
    public EndReason EndReason { get; init; }

    /// <summary>0 caller pays, 1 callee pays, 2 external billing (CreateCdr).</summary>
    public int CalleeBilling { get; init; }

    /// <summary>0 by the phone's account, 1 by the mapping gateway's, 2 bound number, 3 phone card (001_… §3.47).</summary>
    public int BillingMode { get; init; }

    /// <summary>
    /// The journal key of an answered call (docs/crash-recovery.md), unique among CDRs, so a call's CDR is written once
    /// whether the call ended normally or was recovered after a crash; null for other calls and CreateCdr. Not a manual field.
    /// </summary>
    public string? CallKey { get; init; }
}
