namespace Softswitch.Core.Billing;

/// <summary>
/// A prepaid (recharge) phone card (电话卡, InfoPhoneCard 001_… §3.84), used by PayByPhoneCard (§3.58) and
/// PhoneCardActive (§3.59). The manual has no interface that creates cards; CreatePhoneCard is this project's
/// extension (docs/billing.md). <see cref="BitsOfConfig"/> uses the manual's bits (<see cref="PhoneCardBits"/>).
/// </summary>
public sealed record PhoneCard
{
    public required string Pin { get; init; }
    public string Password { get; init; } = "";
    public decimal Money { get; init; }
    public decimal LimitMoney { get; init; }
    public int BitsOfConfig { get; init; }
    public string FeeRateGroup { get; init; } = "";
    public long ExpireTime { get; init; } = long.MaxValue;
    public long? UsedTime { get; init; }
    public string? UsedAccount { get; init; }
    public string AgentAccount { get; init; } = "";
    public IReadOnlyList<string> SuiteNames { get; init; } = [];
    public string Memo { get; init; } = "";

    public bool Has(int bit) => (BitsOfConfig & bit) != 0;
}
