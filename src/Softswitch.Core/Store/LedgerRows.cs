using System.Data;
using Dapper;
using Softswitch.Core.Billing;

namespace Softswitch.Core.Store;

/// <summary>
/// Appends ledger rows (<see cref="LedgerMigrations"/>) inside a caller's transaction, next to the balance they
/// explain. The key is unique: appending a key twice fails the transaction, so nothing is applied twice.
/// </summary>
internal static class LedgerRows
{
    private const string InsertSql =
        "INSERT INTO ledger (account, kind, amount, balance, time, key) VALUES (@account, @kind, @amount, @balance, @time, @key);";

    public static Task AppendAsync(IDbConnection connection, IDbTransaction transaction, string account, LedgerKind kind,
        decimal amount, decimal balance, long time, string key) =>
        connection.ExecuteAsync(InsertSql, new
        {
            account, kind = (int)kind, amount = Money.ToDouble(amount), balance = Money.ToDouble(balance), time, key,
        }, transaction);

    /// <summary>Sets the account's money to the balance its newest ledger row states.</summary>
    public static Task SetBalanceAsync(IDbConnection connection, IDbTransaction transaction, string account, decimal balance) =>
        connection.ExecuteAsync("UPDATE customers SET money = @money WHERE account = @account;",
            new { money = Money.ToDouble(balance), account }, transaction);
}
