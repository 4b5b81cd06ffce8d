namespace Softswitch.Api.Endpoints.Billing;

/// <summary>GetPayHistory (001_… §3.46) and GetConsumption (§3.64) bodies: account or agentAccount, and a yyyyMMddHHmmss range.</summary>
public sealed record AccountTimeRangeRequest
{
    public string? Account { get; init; }
    public string? AgentAccount { get; init; }
    public string? BeginTime { get; init; }
    public string? EndTime { get; init; }
}
