namespace Softswitch.Core.Billing;

/// <summary>
/// One balance change and the records that go with it, written by the store in a single transaction (a payment
/// without its history line, or a suite rent without its suite, must not survive a crash). Ids of new rows are
/// assigned by the store and returned in <see cref="MoneyChangeIds"/>.
/// </summary>
public sealed record MoneyChange
{
    public required string Account { get; init; }
    public required decimal NewMoney { get; init; }

    /// <summary>When set, the account's feeRateGroup is replaced too (PayByPhoneCard with bit 1&lt;&lt;5, §3.84).</summary>
    public string? NewFeeRateGroup { get; init; }
    public PayRecord? Pay { get; init; }
    public ConsumptionRecord? Consumption { get; init; }

    /// <summary>A recharge card to record as used (usedTime, usedAccount set).</summary>
    public PhoneCard? UsedPhoneCard { get; init; }

    /// <summary>A suite taking effect; <see cref="ConsumedOrderId"/> is deleted with it (a one-time suite's order).</summary>
    public CurrentSuite? NewCurrentSuite { get; init; }
    public long? ConsumedOrderId { get; init; }
}
