using Softswitch.Core.Cdrs;
using Softswitch.Core.Management;

namespace Softswitch.Core.Billing;

/// <summary>
/// Fee reports over CDRs (GetReportCustomerFee §3.48, GetReportPhoneFee §3.49, GetReportCustomerLocationFee §3.50).
/// The days [beginTime, endTime] (local, as GetCdr) are cut into periods of <c>period</c> days from beginTime, or
/// calendar months for -2; a row is reported for each period and key that has CDRs. Fees are the CDRs' own (what
/// was charged), never re-rated; the area of a CDR without feePrefix is found from the current rates of its account.
/// </summary>
public sealed class FeeReportService
{
    public const int Monthly = -2;
    public const int MaxPeriodDays = 3660;

    private readonly CdrService _cdrs;
    private readonly RatingService _rating;
    private readonly TimeProvider _time;

    public FeeReportService(CdrService cdrs, RatingService rating, TimeProvider time)
    {
        _cdrs = cdrs;
        _rating = rating;
        _time = time;
    }

    /// <summary>GetReportCustomerFee (§3.48): one row per period and account.</summary>
    public Task<ServiceResult<IReadOnlyList<FeeReportRow>>> CustomerAsync(IReadOnlyList<string>? accounts, int? period,
        string? beginTime, string? endTime, CancellationToken cancellationToken = default) =>
        ReportAsync(accounts, period, beginTime, endTime, c => (c.Account, "", 0, ""), null, cancellationToken);

    /// <summary>GetReportPhoneFee (§3.49): one row per period, billed phone and calleeBilling; e164s narrows the phones.</summary>
    public Task<ServiceResult<IReadOnlyList<FeeReportRow>>> PhoneAsync(string? account, IReadOnlyList<string>? e164s, int? period,
        string? beginTime, string? endTime, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrEmpty(account))
        {
            return Task.FromResult(FeeRateRules.Missing("account").As<IReadOnlyList<FeeReportRow>>());
        }
        var wanted = e164s?.ToHashSet(StringComparer.Ordinal);
        return ReportAsync(Single(account), period, beginTime, endTime,
            c => (c.Account, BilledPhone(c), c.CalleeBilling, ""),
            c => wanted is null || wanted.Contains(BilledPhone(c)), cancellationToken);
    }

    /// <summary>GetReportCustomerLocationFee (§3.50): one row per period and area; areaCode narrows the areas.</summary>
    public Task<ServiceResult<IReadOnlyList<FeeReportRow>>> LocationAsync(string? account, string? areaCode, int? period,
        string? beginTime, string? endTime, CancellationToken cancellationToken = default) =>
        string.IsNullOrEmpty(account)
            ? Task.FromResult(FeeRateRules.Missing("account").As<IReadOnlyList<FeeReportRow>>())
            : ReportAsync(Single(account), period, beginTime, endTime,
            c => (c.Account, "", 0, AreaOf(c).Code),
            c => string.IsNullOrEmpty(areaCode) || AreaOf(c).Code == areaCode, cancellationToken);

    private async Task<ServiceResult<IReadOnlyList<FeeReportRow>>> ReportAsync(IReadOnlyList<string>? accounts, int? period,
        string? beginTime, string? endTime, Func<Cdr, (string Account, string E164, int CalleeBilling, string Area)> key,
        Func<Cdr, bool>? filter, CancellationToken cancellationToken)
    {
        if (period is null)
        {
            return FeeRateRules.Missing("period").As<IReadOnlyList<FeeReportRow>>();
        }
        if (period != Monthly && period is < 1 or > MaxPeriodDays)
        {
            return ServiceResult.Fail(ServiceError.OutOfRange, "period",
                $"Field 'period' must be -2 (monthly) or 1..{MaxPeriodDays} days.").As<IReadOnlyList<FeeReportRow>>();
        }
        var found = await _cdrs.QueryAsync(accounts, beginTime, endTime, null, cancellationToken);
        if (!found.IsSuccess)
        {
            return found.WithoutValue().As<IReadOnlyList<FeeReportRow>>();
        }
        BillingDates.Parse(beginTime, BillingDates.DayFormat, "beginTime", _time, out var first);
        var rows = new Dictionary<(long, string, string, int, string), FeeReportRow>();
        foreach (var cdr in found.Value!.Where(c => filter is null || filter(c)))
        {
            var (begin, end) = PeriodOf(first, period.Value, cdr.Start);
            var k = key(cdr);
            if (!rows.TryGetValue((begin, k.Account, k.E164, k.CalleeBilling, k.Area), out var row))
            {
                var area = k.Area.Length > 0 ? AreaOf(cdr) : default;
                row = new FeeReportRow
                {
                    BeginTime = begin, EndTime = end, Account = k.Account, AccountName = cdr.AccountName,
                    AgentAccount = cdr.AgentAccount, E164 = k.E164, CalleeBilling = k.CalleeBilling,
                    AreaCode = k.Area, AreaName = area.Name ?? "", Totals = new FeeTotals(),
                };
                rows[(begin, k.Account, k.E164, k.CalleeBilling, k.Area)] = row;
            }
            row.Totals.Add(cdr);
        }
        IReadOnlyList<FeeReportRow> result = rows.Values
            .OrderBy(r => r.BeginTime).ThenBy(r => r.Account, StringComparer.Ordinal)
            .ThenBy(r => r.E164, StringComparer.Ordinal).ThenBy(r => r.AreaCode, StringComparer.Ordinal).ToArray();
        return ServiceResult<IReadOnlyList<FeeReportRow>>.Success(result);
    }

    /// <summary>The period holding <paramref name="start"/>: n whole periods after the first day, or its calendar month.</summary>
    private (long Begin, long End) PeriodOf(DateTimeOffset first, int period, long start)
    {
        var local = TimeZoneInfo.ConvertTime(DateTimeOffset.FromUnixTimeMilliseconds(start), _time.LocalTimeZone).DateTime;
        DateTime begin, end;
        if (period == Monthly)
        {
            begin = new DateTime(local.Year, local.Month, 1);
            end = begin.AddMonths(1);
        }
        else
        {
            var firstDay = TimeZoneInfo.ConvertTime(first, _time.LocalTimeZone).DateTime.Date;
            int n = (int)((local.Date - firstDay).TotalDays / period);
            begin = firstDay.AddDays((double)n * period);
            end = begin.AddDays(period);
        }
        return (BillingDates.Local(begin, _time).ToUnixTimeMilliseconds(), BillingDates.Local(end, _time).ToUnixTimeMilliseconds());
    }

    /// <summary>The phone a CDR is billed to: the caller, or the callee when the callee pays (calleeBilling 1).</summary>
    private static string BilledPhone(Cdr cdr) => cdr.CalleeBilling == 1 ? cdr.CalleeE164 : cdr.CallerE164;

    private (string Code, string? Name) AreaOf(Cdr cdr)
    {
        var owner = _rating.OwnerOfAccount(cdr.Account);
        FeeRate? rate = owner is null || owner.FeeRateGroup.Length == 0 ? null
            : cdr.FeePrefix.Length > 0 ? _rating.RatesOf(owner.FeeRateGroup).Get(cdr.FeePrefix)
            : _rating.FindRate(owner, cdr.CalleeE164);
        return rate is null
            ? (cdr.FeePrefix, null)
            : (rate.AreaCode.Length > 0 ? rate.AreaCode : rate.FeePrefix, rate.AreaName);
    }

    private static IReadOnlyList<string>? Single(string? account) => string.IsNullOrEmpty(account) ? null : [account];
}
