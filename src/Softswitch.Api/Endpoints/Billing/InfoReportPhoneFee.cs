using Softswitch.Core.Billing;

namespace Softswitch.Api.Endpoints.Billing;

/// <summary>InfoReportPhoneFee (001_… §3.49): one period and key of the report, totals summed from the CDRs.</summary>
public sealed record InfoReportPhoneFee
{
    public long BeginTime { get; init; }
    public long EndTime { get; init; }
    public required string E164 { get; init; }
    public int CalleeBilling { get; init; }
    public required string Account { get; init; }
    public required string AccountName { get; init; }
    public required string AgentAccount { get; init; }
    public long CdrCount { get; init; }
    public decimal TotalFee { get; init; }
    public long TotalTime { get; init; }
    public decimal TotalSuiteFee { get; init; }
    public long TotalSuiteFeeTime { get; init; }
    public decimal NetFee { get; init; }
    public long NetTime { get; init; }
    public int NetCount { get; init; }
    public decimal LocalFee { get; init; }
    public long LocalTime { get; init; }
    public int LocalCount { get; init; }
    public decimal DomesticFee { get; init; }
    public long DomesticTime { get; init; }
    public int DomesticCount { get; init; }
    public decimal InternationalFee { get; init; }
    public long InternationalTime { get; init; }
    public int InternationalCount { get; init; }

    public static InfoReportPhoneFee From(FeeReportRow r) => new()
    {
        BeginTime = r.BeginTime,
        EndTime = r.EndTime,
        E164 = r.E164,
        CalleeBilling = r.CalleeBilling,
        Account = r.Account,
        AccountName = r.AccountName,
        AgentAccount = r.AgentAccount,
        CdrCount = r.Totals.CdrCount,
        TotalFee = r.Totals.TotalFee,
        TotalTime = r.Totals.TotalTime,
        TotalSuiteFee = r.Totals.TotalSuiteFee,
        TotalSuiteFeeTime = r.Totals.TotalSuiteFeeTime,
        NetFee = r.Totals.NetFee,
        NetTime = r.Totals.NetTime,
        NetCount = r.Totals.NetCount,
        LocalFee = r.Totals.LocalFee,
        LocalTime = r.Totals.LocalTime,
        LocalCount = r.Totals.LocalCount,
        DomesticFee = r.Totals.DomesticFee,
        DomesticTime = r.Totals.DomesticTime,
        DomesticCount = r.Totals.DomesticCount,
        InternationalFee = r.Totals.InternationalFee,
        InternationalTime = r.Totals.InternationalTime,
        InternationalCount = r.Totals.InternationalCount,
    };
}
