namespace Softswitch.Core.Billing;

/// <summary>
/// One rate of a group (InfoFeeRate, 001_… §3.44), keyed by <see cref="FeePrefix"/> within its group. The manual
/// gives no write interface; rates come from CreateFeeRate/ModifyFeeRate and ImportFeeRates (project extensions,
/// docs/billing.md). <see cref="Fee"/> is the money charged per started <see cref="Period"/> seconds, after the
/// <see cref="Sections"/> (ordered by position) are used up.
/// </summary>
public sealed record FeeRate
{
    /// <summary>Seconds answered when nothing limits a call (a free rate): int.MaxValue, as timeRemain is an int.</summary>
    public const int Unlimited = int.MaxValue;

    public required string FeeRateGroup { get; init; }
    public required string FeePrefix { get; init; }
    public string AreaCode { get; init; } = "";
    public FeeRateType Type { get; init; } = FeeRateType.International;
    public string AreaName { get; init; } = "";
    public IReadOnlyList<FeeRateSection> Sections { get; init; } = [];
    public decimal Fee { get; init; }
    public int Period { get; init; } = 60;

    /// <summary>0 unlocked, 1 locked (§3.44 lockType): a locked rate is not used for rating, as VOS3000 does.</summary>
    public int LockType { get; init; }
    public decimal IvrFee { get; init; }
    public int IvrPeriod { get; init; } = 60;

    /// <summary>
    /// The charge for a call answered for <paramref name="holdSeconds"/>: each section is billed whole once the call
    /// reaches it, then every started period at <see cref="Fee"/>. Returns the billed seconds (feeTime, §3.47) and the
    /// fee rounded to <see cref="Money.Decimals"/> places. An unanswered call (0 s) costs nothing.
    /// </summary>
    public (int FeeTime, decimal Fee) Charge(int holdSeconds)
    {
        if (holdSeconds <= 0)
        {
            return (0, 0m);
        }
        long remaining = holdSeconds;
        long feeTime = 0;
        decimal fee = 0m;
        foreach (var section in Sections)
        {
            if (remaining <= 0)
            {
                break;
            }
            fee += section.Fee;
            feeTime += section.Time;
            remaining -= section.Time;
        }
        if (remaining > 0)
        {
            long periods = (remaining + Period - 1) / Period;
            fee += periods * Fee;
            feeTime += periods * Period;
        }
        return ((int)Math.Min(feeTime, int.MaxValue), Money.Round(fee));
    }

    /// <summary>
    /// How many seconds <paramref name="money"/> pays for (GetAvailableTime, §3.62): the sections it can pay whole,
    /// then whole periods. Nothing to pay for (a free rate) answers <see cref="Unlimited"/>; no money answers 0.
    /// </summary>
    public int AffordableSeconds(decimal money)
    {
        long seconds = 0;
        foreach (var section in Sections)
        {
            if (money < section.Fee)
            {
                return (int)seconds;
            }
            money -= section.Fee;
            seconds += section.Time;
        }
        if (Fee <= 0)
        {
            return Unlimited;
        }
        if (money <= 0)
        {
            return (int)seconds;
        }
        decimal periods = decimal.Floor(money / Fee);
        decimal total = seconds + periods * Period;
        return total >= Unlimited ? Unlimited : (int)total;
    }
}
