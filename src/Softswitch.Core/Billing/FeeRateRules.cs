using Softswitch.Core.Management;

namespace Softswitch.Core.Billing;

/// <summary>
/// Checks of rate fields (001_… §3.44) and of amounts in general. Periods are 1..86400 s (a day); amounts are
/// 0..<see cref="Money.Max"/> and rounded to <see cref="Money.Decimals"/> places once accepted.
/// </summary>
internal static class FeeRateRules
{
    public const int MaxPeriod = 86_400;
    public const int MaxSections = 32;

    public static ServiceResult? Amount(decimal? value, string field, bool allowNegative = false) =>
        value is { } v && (v > Money.Max || v < (allowNegative ? -Money.Max : 0m))
            ? ServiceResult.Fail(ServiceError.OutOfRange, field,
                $"Field '{field}' must be between {(allowNegative ? -Money.Max : 0m)} and {Money.Max}.")
            : null;

    public static ServiceResult Missing(string field) =>
        ServiceResult.Fail(ServiceError.MissingField, field, $"Missing mandatory field '{field}'.");

    /// <summary>A complete new rate: feePrefix, type, fee and period are required; the rest default.</summary>
    public static ServiceResult<FeeRate> Create(string group, FeeRateInput input, string path = "")
    {
        if (input.Type is null)
        {
            return Missing(path + "type").As<FeeRate>();
        }
        if (input.Fee is null)
        {
            return Missing(path + "fee").As<FeeRate>();
        }
        if (input.Period is null)
        {
            return Missing(path + "period").As<FeeRate>();
        }
        if (FieldRules.Number(input.FeePrefix, path + "feePrefix") is { } badPrefix)
        {
            return badPrefix.As<FeeRate>();
        }
        var blank = new FeeRate { FeeRateGroup = group, FeePrefix = input.FeePrefix!, IvrFee = input.Fee.Value, IvrPeriod = input.Period.Value };
        return Apply(blank, input, path);
    }

    /// <summary>The existing rate with the given fields replaced, checked as a whole.</summary>
    public static ServiceResult<FeeRate> Apply(FeeRate rate, FeeRateInput input, string path = "")
    {
        var invalid = FieldRules.Length(input.AreaCode, path + "areaCode")
            ?? FieldRules.Length(input.AreaName, path + "areaName")
            ?? FieldRules.OneOf(input.Type, path + "type", 1, 2, 4, 5)
            ?? Amount(input.Fee, path + "fee")
            ?? FieldRules.Range(input.Period, path + "period", 1, MaxPeriod)
            ?? FieldRules.OneOf(input.LockType, path + "lockType", 0, 1)
            ?? Amount(input.IvrFee, path + "ivrFee")
            ?? FieldRules.Range(input.IvrPeriod, path + "ivrPeriod", 1, MaxPeriod);
        if (invalid is not null)
        {
            return invalid.As<FeeRate>();
        }
        var sections = rate.Sections;
        if (input.Sections is not null)
        {
            var checkedSections = Sections(input.Sections, path + "infoFeeRateSections");
            if (!checkedSections.IsSuccess)
            {
                return checkedSections.WithoutValue().As<FeeRate>();
            }
            sections = checkedSections.Value!;
        }
        return ServiceResult<FeeRate>.Success(rate with
        {
            AreaCode = input.AreaCode ?? rate.AreaCode,
            Type = input.Type is { } type ? (FeeRateType)type : rate.Type,
            AreaName = input.AreaName ?? rate.AreaName,
            Sections = sections,
            Fee = input.Fee is { } fee ? Money.Round(fee) : rate.Fee,
            Period = input.Period ?? rate.Period,
            LockType = input.LockType ?? rate.LockType,
            IvrFee = input.IvrFee is { } ivrFee ? Money.Round(ivrFee) : rate.IvrFee,
            IvrPeriod = input.IvrPeriod ?? rate.IvrPeriod,
        });
    }

    /// <summary>Every section field is mandatory (§3.44); positions are unique; the result is ordered by position.</summary>
    private static ServiceResult<IReadOnlyList<FeeRateSection>> Sections(IReadOnlyList<FeeRateSectionInput?> input, string field)
    {
        if (input.Count > MaxSections)
        {
            return ServiceResult.Fail(ServiceError.OutOfRange, field, $"Field '{field}' holds more than {MaxSections} sections.")
                .As<IReadOnlyList<FeeRateSection>>();
        }
        var result = new List<FeeRateSection>(input.Count);
        for (int i = 0; i < input.Count; i++)
        {
            string at = $"{field}[{i}]";
            var s = input[i];
            var invalid = s is null ? Missing(at)
                : s.Fee is null ? Missing(at + ".fee")
                : s.Time is null ? Missing(at + ".time")
                : s.Position is null ? Missing(at + ".position")
                : Amount(s.Fee, at + ".fee")
                    ?? FieldRules.Range(s.Time, at + ".time", 1, MaxPeriod)
                    ?? FieldRules.Range(s.Position, at + ".position", 0, int.MaxValue)
                    ?? (result.Any(r => r.Position == s.Position)
                        ? ServiceResult.Fail(ServiceError.Duplicate, at + ".position", $"Field '{at}.position': {s.Position} appears twice in '{field}'.")
                        : null);
            if (invalid is not null)
            {
                return invalid.As<IReadOnlyList<FeeRateSection>>();
            }
            result.Add(new FeeRateSection(Money.Round(s!.Fee!.Value), s.Time!.Value, s.Position!.Value));
        }
        return ServiceResult<IReadOnlyList<FeeRateSection>>.Success(result.OrderBy(r => r.Position).ToArray());
    }
}
