using System.Text.Json.Serialization;
using Softswitch.Core.Cdrs;

namespace Softswitch.Api.Endpoints.Calls;

/// <summary>
/// InfoCdr (001_… §3.47), spelled as the manual spells it, including the lower-case "callerip" / "calleeip"
/// (CreateCdr, §3.51, spells them callerIp / calleeIp).
/// </summary>
public sealed record InfoCdr
{
    public required string CallerE164 { get; init; }
    public required string CallerAccessE164 { get; init; }
    public required string CallerProductId { get; init; }
    public required string CallerToGatewayE164 { get; init; }
    public required string CallerGateway { get; init; }

    [JsonPropertyName("callerip")]
    public required string CallerIp { get; init; }
    public required string CalleeE164 { get; init; }
    public required string CalleeAccessE164 { get; init; }
    public required string CalleeProductId { get; init; }
    public required string CalleeToGatewayE164 { get; init; }
    public required string CalleeGateway { get; init; }

    [JsonPropertyName("calleeip")]
    public required string CalleeIp { get; init; }
    public long Start { get; init; }
    public long Stop { get; init; }
    public int HoldTime { get; init; }
    public int FeeTime { get; init; }
    public double Fee { get; init; }
    public required string FeePrefix { get; init; }
    public double SuiteFee { get; init; }
    public int SuiteFeeTime { get; init; }
    public double AgentFee { get; init; }
    public int AgentFeeTime { get; init; }
    public required string AgentFeePrefix { get; init; }
    public double AgentSuiteFee { get; init; }
    public int AgentSuiteFeeTime { get; init; }
    public int CallLevel { get; init; }
    public required string Account { get; init; }
    public required string AccountName { get; init; }
    public required string AgentAccount { get; init; }
    public required string AgentName { get; init; }
    public int EndDirection { get; init; }
    public int EndReason { get; init; }
    public int CalleeBilling { get; init; }
    public int BillingMode { get; init; }
    public long FlowNo { get; init; }

    public static InfoCdr From(Cdr c) => new()
    {
        CallerE164 = c.CallerE164,
        CallerAccessE164 = c.CallerAccessE164,
        CallerProductId = c.CallerProductId,
        CallerToGatewayE164 = c.CallerToGatewayE164,
        CallerGateway = c.CallerGateway,
        CallerIp = c.CallerIp,
        CalleeE164 = c.CalleeE164,
        CalleeAccessE164 = c.CalleeAccessE164,
        CalleeProductId = c.CalleeProductId,
        CalleeToGatewayE164 = c.CalleeToGatewayE164,
        CalleeGateway = c.CalleeGateway,
        CalleeIp = c.CalleeIp,
        Start = c.Start,
        Stop = c.Stop,
        HoldTime = c.HoldTime,
        FeeTime = c.FeeTime,
        Fee = c.Fee,
        FeePrefix = c.FeePrefix,
        SuiteFee = c.SuiteFee,
        SuiteFeeTime = c.SuiteFeeTime,
        AgentFee = c.AgentFee,
        AgentFeeTime = c.AgentFeeTime,
        AgentFeePrefix = c.AgentFeePrefix,
        AgentSuiteFee = c.AgentSuiteFee,
        AgentSuiteFeeTime = c.AgentSuiteFeeTime,
        CallLevel = c.CallLevel,
        Account = c.Account,
        AccountName = c.AccountName,
        AgentAccount = c.AgentAccount,
        AgentName = c.AgentName,
        EndDirection = (int)c.EndDirection,
        EndReason = (int)c.EndReason,
        CalleeBilling = c.CalleeBilling,
        BillingMode = c.BillingMode,
        FlowNo = c.FlowNo ?? 0,
    };
}
