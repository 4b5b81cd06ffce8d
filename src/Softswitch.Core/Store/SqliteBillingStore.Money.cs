using Dapper;
using Softswitch.Core.Billing;

namespace Softswitch.Core.Store;

/// <summary>
/// Balances, the payment history (001_… §3.46) and other consumption (§3.64). A payment or a consumption is also a
/// ledger row (<see cref="LedgerRows"/>), written in the same transaction as the balance it moves.
/// </summary>
public sealed partial class SqliteBillingStore
{
    public async Task<MoneyChangeIds> ApplyMoneyChangeAsync(MoneyChange change, CancellationToken cancellationToken = default)
    {
        await using var connection = await _store.OpenConnectionAsync(cancellationToken);
        using var transaction = connection.BeginTransaction(deferred: false);
        await connection.ExecuteAsync(
            "UPDATE customers SET money = @money, feeRateGroup = COALESCE(@group, feeRateGroup) WHERE account = @account;",
            new { money = Money.ToDouble(change.NewMoney), group = change.NewFeeRateGroup, account = change.Account }, transaction);
        long payId = 0, consumptionId = 0, currentSuiteId = 0;
        if (change.Pay is { } pay)
        {
            payId = await connection.ExecuteScalarAsync<long>(
                "INSERT INTO pay_history (account, fee, type, payType, customerMoney, payTime, memo) " +
                "VALUES (@Account, @Fee, @Type, @PayType, @CustomerMoney, @PayTime, @Memo) RETURNING id;",
                new
                {
                    pay.Account, Fee = Money.ToDouble(pay.Fee), pay.Type, pay.PayType,
                    CustomerMoney = Money.ToDouble(pay.CustomerMoney), pay.PayTime, pay.Memo,
                }, transaction);
            await LedgerRows.AppendAsync(connection, transaction, change.Account, LedgerKind.Pay, pay.Fee, change.NewMoney,
                pay.PayTime, $"pay:{payId}");
        }
        if (change.Consumption is { } c)
        {
            consumptionId = await connection.ExecuteScalarAsync<long>(
                "INSERT INTO consumptions (account, money, customerMoney, type, consumptionName, time) " +
                "VALUES (@Account, @Money, @CustomerMoney, @Type, @ConsumptionName, @Time) RETURNING id;",
                new
                {
                    c.Account, Money = Money.ToDouble(c.Money), CustomerMoney = Money.ToDouble(c.CustomerMoney),
                    c.Type, c.ConsumptionName, c.Time,
                }, transaction);
            await LedgerRows.AppendAsync(connection, transaction, change.Account, LedgerKind.Consumption, -c.Money,
                change.NewMoney, c.Time, $"consumption:{consumptionId}");
        }
        if (change.UsedPhoneCard is { } card)
        {
            await connection.ExecuteAsync(
                "UPDATE phone_cards SET usedTime = @UsedTime, usedAccount = @UsedAccount WHERE pin = @Pin;",
                new { card.UsedTime, card.UsedAccount, card.Pin }, transaction);
        }
        if (change.NewCurrentSuite is { } current)
        {
            currentSuiteId = await connection.ExecuteScalarAsync<long>(CurrentSuiteInsertSql, CurrentSuiteRow.From(current), transaction);
        }
        if (change.ConsumedOrderId is { } orderId)
        {
            await connection.ExecuteAsync("DELETE FROM suite_orders WHERE id = @orderId;", new { orderId }, transaction);
        }
        transaction.Commit();
        return new MoneyChangeIds(payId, consumptionId, currentSuiteId);
    }

    public async Task<IReadOnlyList<PayRecord>> QueryPayHistoryAsync(IReadOnlyList<string> accounts, long from, long to,
        CancellationToken cancellationToken = default)
    {
        var rows = await QueryAsync<PayRow>(
            "SELECT id, account, fee, type, payType, customerMoney, payTime, memo FROM pay_history " +
            $"WHERE {SqlList.In("account", "accounts")} AND payTime >= @from AND payTime < @to ORDER BY payTime, id;",
            new { accounts = SqlList.Of(accounts), from, to }, cancellationToken);
        return rows.Select(r => new PayRecord
        {
            Id = r.Id, Account = r.Account, Fee = Money.From(r.Fee), Type = (int)r.Type, PayType = (int)r.PayType,
            CustomerMoney = Money.From(r.CustomerMoney), PayTime = r.PayTime, Memo = r.Memo,
        }).ToArray();
    }

    public async Task<IReadOnlyList<ConsumptionRecord>> QueryConsumptionsAsync(IReadOnlyList<string> accounts, long from,
        long to, CancellationToken cancellationToken = default)
    {
        var rows = await QueryAsync<ConsumptionRow>(
            "SELECT id, account, money, customerMoney, type, consumptionName, time FROM consumptions " +
            $"WHERE {SqlList.In("account", "accounts")} AND time >= @from AND time < @to ORDER BY time, id;",
            new { accounts = SqlList.Of(accounts), from, to }, cancellationToken);
        return rows.Select(r => new ConsumptionRecord
        {
            Id = r.Id, Account = r.Account, Money = Money.From(r.Money), CustomerMoney = Money.From(r.CustomerMoney),
            Type = (int)r.Type, ConsumptionName = r.ConsumptionName, Time = r.Time,
        }).ToArray();
    }

    private sealed class PayRow
    {
        public long Id { get; set; }
        public string Account { get; set; } = "";
        public double Fee { get; set; }
        public long Type { get; set; }
        public long PayType { get; set; }
        public double CustomerMoney { get; set; }
        public long PayTime { get; set; }
        public string Memo { get; set; } = "";
    }

    private sealed class ConsumptionRow
    {
        public long Id { get; set; }
        public string Account { get; set; } = "";
        public double Money { get; set; }
        public double CustomerMoney { get; set; }
        public long Type { get; set; }
        public long ConsumptionName { get; set; }
        public long Time { get; set; }
    }
}
