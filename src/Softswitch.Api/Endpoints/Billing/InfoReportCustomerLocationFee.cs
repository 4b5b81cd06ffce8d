using Softswitch.Core.Billing;

namespace Softswitch.Api.Endpoints.Billing;

/// <summary>InfoReportCustomerLocationFee (001_… §3.50): one period and key of the report, totals summed from the CDRs.</summary>
public sealed record InfoReportCustomerLocationFee
{
    public long BeginTime { get; init; }
    public long EndTime { get; init; }
    public required string AreaCode { get; init; }
    public required string AreaName { get; init; }
    public required string Account { get; init; }
    public required string AccountName { get; init; }
    public required string AgentAccount { get; init; }
    public long CdrCount { get; init; }
    public decimal TotalFee { get; init; }
    public long TotalTime { get; init; }
    public decimal TotalSuiteFee { get; init; }
    public long TotalSuiteFeeTime { get; init; }

    public static InfoReportCustomerLocationFee From(FeeReportRow r) => new()
    {
        BeginTime = r.BeginTime,
        EndTime = r.EndTime,
        AreaCode = r.AreaCode,
        AreaName = r.AreaName,
        Account = r.Account,
        AccountName = r.AccountName,
        AgentAccount = r.AgentAccount,
        CdrCount = r.Totals.CdrCount,
        TotalFee = r.Totals.TotalFee,
        TotalTime = r.Totals.TotalTime,
        TotalSuiteFee = r.Totals.TotalSuiteFee,
        TotalSuiteFeeTime = r.Totals.TotalSuiteFeeTime,
    };
}
