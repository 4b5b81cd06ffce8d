namespace Softswitch.Core.Billing;

/// <summary>
/// One line of the payment history (InfoPayHistory, 001_… §3.46): <see cref="Fee"/> is the amount paid,
/// <see cref="CustomerMoney"/> the balance after it.
/// </summary>
public sealed record PayRecord
{
    public long Id { get; init; }
    public required string Account { get; init; }
    public decimal Fee { get; init; }

    /// <summary>0 recharge, 1 deduction, 2 account opening, 3 reset to zero (§3.46).</summary>
    public int Type { get; init; }

    /// <summary>0 cash, 2 recharge card, 5 other (§3.46).</summary>
    public int PayType { get; init; }
    public decimal CustomerMoney { get; init; }
    public long PayTime { get; init; }
    public string Memo { get; init; } = "";
}
