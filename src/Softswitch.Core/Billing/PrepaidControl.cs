using Softswitch.Core.Accounts;
using Softswitch.Core.Calls;

namespace Softswitch.Core.Billing;

/// <summary>
/// Prepaid admission (docs/billing.md "Prepaid control"): whether the payer may place a call to a callee at all and
/// how long its money lasts. The router caps the plan with it and refuses what it refuses; GetAvailableTime and
/// GetIvrSecondAvailableTime (001_… §3.62, §3.63) answer from the same method. Reads memory only; lock-free.
/// </summary>
public sealed class PrepaidControl(RatingService rating)
{
    /// <summary>
    /// The payer's position for a call to <paramref name="callee"/> (routing tags already stripped), in this order:
    /// a locked account is refused (CallerForbidden), an account past its validTime (AccountExpired); an account
    /// without a fee-rate group is not billed (unlimited); no rate for the callee is free when the callee is a phone
    /// of the switch (<paramref name="onNet"/>, §3.62 calleeEndpointType 0; null: whether the callee is the number of
    /// a phone of the switch) and refused otherwise (NoFeeRate); else
    /// balance + limitMoney − what its live calls have used (<see cref="RatingService.Committed"/>) −
    /// <paramref name="alreadySpent"/> must pay for the first section or period
    /// (InsufficientBalance) and the seconds it pays for are answered (with <paramref name="stacked"/> charged at
    /// the same time, §3.63).
    /// </summary>
    public Affordability Afford(BillingOwner owner, string callee, bool? onNet, DateTimeOffset now, decimal alreadySpent = 0m,
        FeeRate? stacked = null)
    {
        ArgumentNullException.ThrowIfNull(owner);
        var account = owner.Account;
        if (account.LockType == CustomerLockType.Locked)
        {
            return Refuse(EndReason.CallerForbidden, $"account {account.Account} is locked");
        }
        if (account.ValidTime > 0 && account.ValidTime < now.ToUnixTimeMilliseconds())
        {
            return Refuse(EndReason.AccountExpired, $"account {account.Account} expired at {account.ValidTime} (validTime, ms)");
        }
        if (owner.FeeRateGroup.Length == 0)
        {
            return new Affordability(null, FeeRate.Unlimited, null, "");
        }
        if (rating.FindRate(owner, callee) is not { } rate)
        {
            return onNet ?? rating.IsPlatformNumber(callee)
                ? new Affordability(null, FeeRate.Unlimited, null, "")
                : Refuse(EndReason.NoFeeRate, $"fee-rate group '{owner.FeeRateGroup}' of account {account.Account} has no rate for '{callee}'");
        }
        decimal spendable = RatingService.Spendable(account) - rating.Committed(account.Account) - alreadySpent;
        int seconds = spendable <= 0 ? 0 : RatingService.AffordableSeconds(spendable, rate, stacked);
        return seconds > 0
            ? new Affordability(null, seconds, rate, "")
            : Refuse(EndReason.InsufficientBalance,
                $"account {account.Account} can spend {spendable} (money + limitMoney), rate {rate.FeePrefix} needs more for the first period");
    }

    private static Affordability Refuse(EndReason reason, string detail) => new(reason, 0, null, detail);
}
