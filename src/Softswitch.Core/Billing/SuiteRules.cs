using Softswitch.Core.Management;

namespace Softswitch.Core.Billing;

/// <summary>Checks of suite and suite-order fields (001_… §3.23, §3.26, §3.27); decisions in docs/billing.md.</summary>
internal static class SuiteRules
{
    public const int SecondsPerDay = 86_400;
    public const int MaxGiftTimes = 64;
    public const decimal MaxRentPercent = 100m;

    /// <summary>A complete new suite (§3.23): every M field present and in range, gift times checked one by one.</summary>
    public static ServiceResult<Suite> Create(SuiteInput input)
    {
        var invalid = FieldRules.Identifier(input.Name, "name")
            ?? Present(input.RentPeriod, "rentPeriod") ?? Present(input.RentType, "rentType")
            ?? Present(input.NonholonomicOrder, "nonholonomicOrder") ?? Present(input.RentFee, "rentFee")
            ?? Present(input.MinConsumption, "minConsumption") ?? Present(input.LowerConsumption, "lowerConsumption")
            ?? Present(input.GiftMoney, "giftMoney")
            // §3.23: rentPeriod "需大于 0"; for a one-time suite it is a number of seconds.
            ?? FieldRules.Range(input.RentPeriod, "rentPeriod", 1, int.MaxValue)
            ?? FieldRules.OneOf(input.RentType, "rentType", 0, 1, 2, 3)
            ?? FeeRateRules.Amount(input.RentFee, "rentFee")
            ?? FeeRateRules.Amount(input.MinConsumption, "minConsumption")
            ?? FeeRateRules.Amount(input.LowerConsumption, "lowerConsumption")
            ?? FeeRateRules.Amount(input.GiftMoney, "giftMoney")
            ?? FieldRules.Length(input.Memo, "memo")
            ?? (input.GiftTimes is { Count: > MaxGiftTimes }
                ? ServiceResult.Fail(ServiceError.OutOfRange, "infoGiftTimes", $"Field 'infoGiftTimes' holds more than {MaxGiftTimes} entries.")
                : null);
        if (invalid is not null)
        {
            return invalid.As<Suite>();
        }
        var gifts = new List<GiftTime>();
        for (int i = 0; i < (input.GiftTimes?.Count ?? 0); i++)
        {
            var gift = GiftTimeOf(input.GiftTimes![i], $"infoGiftTimes[{i}].");
            if (!gift.IsSuccess)
            {
                return gift.WithoutValue().As<Suite>();
            }
            gifts.Add(gift.Value!);
        }
        return ServiceResult<Suite>.Success(new Suite
        {
            Name = input.Name!, RentPeriod = input.RentPeriod!.Value, RentType = (SuiteRentType)input.RentType!.Value,
            NonholonomicOrder = input.NonholonomicOrder!.Value, RentFee = Money.Round(input.RentFee!.Value),
            MinConsumption = Money.Round(input.MinConsumption!.Value), LowerConsumption = Money.Round(input.LowerConsumption!.Value),
            GiftMoney = Money.Round(input.GiftMoney!.Value), GiftTimes = gifts, Memo = input.Memo ?? "",
        });
    }

    /// <summary>
    /// InfoGiftTime (§3.23): prefix (LongString, a comma list) and the four numbers are M; startTime/endTime are
    /// 0..86400 with start before end; giftTime ≥ 0; billingTime 1..86400 (a billing step of 0 would never end).
    /// </summary>
    public static ServiceResult<GiftTime> GiftTimeOf(GiftTimeInput? g, string path)
    {
        if (g is null)
        {
            return FeeRateRules.Missing(path.TrimEnd('.')).As<GiftTime>();
        }
        var invalid = (string.IsNullOrWhiteSpace(g.Prefix) ? FeeRateRules.Missing(path + "prefix") : null)
            ?? Present(g.StartTime, path + "startTime") ?? Present(g.EndTime, path + "endTime")
            ?? Present(g.GiftTime, path + "giftTime") ?? Present(g.BillingTime, path + "billingTime")
            ?? FieldRules.Length(g.Prefix, path + "prefix", FieldRules.LongStringMax)
            ?? FieldRules.Range(g.StartTime, path + "startTime", 0, SecondsPerDay)
            ?? FieldRules.Range(g.EndTime, path + "endTime", 0, SecondsPerDay)
            ?? (g.EndTime <= g.StartTime
                ? ServiceResult.Fail(ServiceError.OutOfRange, path + "endTime", $"Field '{path}endTime' must be after '{path}startTime'.")
                : null)
            ?? FieldRules.Range(g.GiftTime, path + "giftTime", 0, int.MaxValue)
            ?? FieldRules.Range(g.BillingTime, path + "billingTime", 1, SecondsPerDay)
            ?? FieldRules.Length(g.Memo, path + "memo");
        if (invalid is not null)
        {
            return invalid.As<GiftTime>();
        }
        foreach (string prefix in g.Prefix!.Split(','))
        {
            if (FieldRules.Number(prefix.Trim(), path + "prefix") is not null)
            {
                return ServiceResult.Fail(ServiceError.OutOfRange, path + "prefix",
                    $"Field '{path}prefix' must be a comma-separated list of prefixes (letters, digits, + * # - _ .).").As<GiftTime>();
            }
        }
        return ServiceResult<GiftTime>.Success(new GiftTime
        {
            Prefix = g.Prefix, StartTime = g.StartTime!.Value, EndTime = g.EndTime!.Value, GiftTimeSeconds = g.GiftTime!.Value,
            BillingTime = g.BillingTime!.Value, Memo = g.Memo ?? "",
        });
    }

    /// <summary>The order fields both Create (§3.26) and Modify (§3.27) may carry.</summary>
    public static ServiceResult? OrderOptions(SuiteOrderInput input) =>
        FieldRules.Range(input.Priority, "priority", 0, int.MaxValue)
        ?? FieldRules.OneOf(input.FailedProcessMode, "failedProcessMode", 0, 1, 2)
        ?? (input.RentPercent is { } p && (p < 0m || p > MaxRentPercent)
            ? ServiceResult.Fail(ServiceError.OutOfRange, "rentPercent", $"Field 'rentPercent' must be between 0 and {MaxRentPercent}.")
            : null)
        ?? FieldRules.Range(input.ExpireTime, "expireTime", 1, long.MaxValue)
        ?? FieldRules.Length(input.Memo, "memo");

    public static ServiceResult? Present<T>(T? value, string field) where T : struct =>
        value is null ? FeeRateRules.Missing(field) : null;
}
