namespace Softswitch.Core.Store;

/// <summary>
/// Schema of the money ledger (versions 1000-1099, see <see cref="SqliteSchema"/>, docs/billing.md "Ledger"): one row
/// per change of an account's money, with the signed amount, the balance after it and a unique <c>key</c> naming what
/// caused it (<c>cdr:&lt;flowNo&gt;</c>, <c>pay:&lt;id&gt;</c>, <c>consumption:&lt;id&gt;</c>), so a change can be
/// applied only once. The row and the account's <c>money</c> are written in the same transaction. Append only.
/// </summary>
internal static class LedgerMigrations
{
    public static readonly (int Version, string Sql)[] All =
    [
        (1000, """
            CREATE TABLE ledger (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                account TEXT NOT NULL,
                kind INTEGER NOT NULL,
                amount REAL NOT NULL,
                balance REAL NOT NULL,
                time INTEGER NOT NULL,
                key TEXT NOT NULL UNIQUE
            );
            CREATE INDEX ix_ledger_account ON ledger(account, id);
            """),
    ];
}
