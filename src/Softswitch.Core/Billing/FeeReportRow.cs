namespace Softswitch.Core.Billing;

/// <summary>
/// One row of a fee report (001_… §3.48-§3.50): the period [BeginTime, EndTime) in ms, the grouping key (account;
/// phone and calleeBilling; or area) and the totals.
/// </summary>
public sealed record FeeReportRow
{
    public long BeginTime { get; init; }
    public long EndTime { get; init; }
    public required string Account { get; init; }
    public string AccountName { get; init; } = "";
    public string AgentAccount { get; init; } = "";
    public string E164 { get; init; } = "";
    public int CalleeBilling { get; init; }
    public string AreaCode { get; init; } = "";
    public string AreaName { get; init; } = "";
    public required FeeTotals Totals { get; init; }
}
