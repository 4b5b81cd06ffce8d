using Softswitch.Core.Billing;

namespace Softswitch.Core.Store;

/// <summary>Active phone cards (001_… §3.32-§3.35) and recharge cards (§3.84).</summary>
public sealed partial class SqliteBillingStore
{
    public async Task<IReadOnlyList<ActivePhoneCard>> LoadActivePhoneCardsAsync(CancellationToken cancellationToken = default)
    {
        var rows = await QueryAsync<ActiveCardRow>(
            "SELECT pin, account, password, displayE164, bindLimit, activeTime, memo FROM active_phone_cards;", null,
            cancellationToken);
        return rows.Select(r => new ActivePhoneCard
        {
            Pin = r.Pin, Account = r.Account, Password = r.Password, DisplayE164 = r.DisplayE164,
            BindLimit = r.BindLimit is { } limit ? (int)limit : null, ActiveTime = r.ActiveTime, Memo = r.Memo,
        }).ToArray();
    }

    public Task SaveActivePhoneCardAsync(ActivePhoneCard card, CancellationToken cancellationToken = default) =>
        ExecuteAsync("INSERT OR REPLACE INTO active_phone_cards (pin, account, password, displayE164, bindLimit, " +
            "activeTime, memo) VALUES (@Pin, @Account, @Password, @DisplayE164, @BindLimit, @ActiveTime, @Memo);",
            [card], cancellationToken);

    public Task DeleteActivePhoneCardAsync(string pin, CancellationToken cancellationToken = default) =>
        ExecuteAsync("DELETE FROM active_phone_cards WHERE pin = @pin;", [new { pin }], cancellationToken);

    public async Task<IReadOnlyList<PhoneCard>> LoadPhoneCardsAsync(CancellationToken cancellationToken = default)
    {
        var rows = await QueryAsync<PhoneCardRow>(
            "SELECT pin, password, money, limitMoney, bitsOfConfig, feeRateGroup, expireTime, usedTime, usedAccount, " +
            "agentAccount, suiteNames, memo FROM phone_cards;", null, cancellationToken);
        return rows.Select(r => new PhoneCard
        {
            Pin = r.Pin, Password = r.Password, Money = Money.From(r.Money), LimitMoney = Money.From(r.LimitMoney),
            BitsOfConfig = (int)r.BitsOfConfig, FeeRateGroup = r.FeeRateGroup, ExpireTime = r.ExpireTime,
            UsedTime = r.UsedTime, UsedAccount = r.UsedAccount, AgentAccount = r.AgentAccount,
            SuiteNames = FromJson<string[]>(r.SuiteNames, []), Memo = r.Memo,
        }).ToArray();
    }

    public Task SavePhoneCardAsync(PhoneCard card, CancellationToken cancellationToken = default) =>
        ExecuteAsync("INSERT OR REPLACE INTO phone_cards (pin, password, money, limitMoney, bitsOfConfig, feeRateGroup, " +
            "expireTime, usedTime, usedAccount, agentAccount, suiteNames, memo) VALUES (@Pin, @Password, @Money, " +
            "@LimitMoney, @BitsOfConfig, @FeeRateGroup, @ExpireTime, @UsedTime, @UsedAccount, @AgentAccount, " +
            "@SuiteNames, @Memo);",
            [new
            {
                card.Pin, card.Password, Money = Money.ToDouble(card.Money), LimitMoney = Money.ToDouble(card.LimitMoney),
                card.BitsOfConfig, card.FeeRateGroup, card.ExpireTime, card.UsedTime, card.UsedAccount,
                card.AgentAccount, SuiteNames = Json(card.SuiteNames), card.Memo,
            }], cancellationToken);

    private sealed class ActiveCardRow
    {
        public string Pin { get; set; } = "";
        public string Account { get; set; } = "";
        public string Password { get; set; } = "";
        public string DisplayE164 { get; set; } = "";
        public long? BindLimit { get; set; }
        public long ActiveTime { get; set; }
        public string Memo { get; set; } = "";
    }

    private sealed class PhoneCardRow
    {
        public string Pin { get; set; } = "";
        public string Password { get; set; } = "";
        public double Money { get; set; }
        public double LimitMoney { get; set; }
        public long BitsOfConfig { get; set; }
        public string FeeRateGroup { get; set; } = "";
        public long ExpireTime { get; set; }
        public long? UsedTime { get; set; }
        public string? UsedAccount { get; set; }
        public string AgentAccount { get; set; } = "";
        public string SuiteNames { get; set; } = "[]";
        public string Memo { get; set; } = "";
    }
}
