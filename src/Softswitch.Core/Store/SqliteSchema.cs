using Dapper;
using Microsoft.Data.Sqlite;

namespace Softswitch.Core.Store;

/// <summary>
/// The versioned schema: an ordered list of migrations, each applied once in its own transaction and recorded in
/// schema_version, so opening an old database brings it forward and opening a current one changes nothing.
/// Column names are the manual's field names (SQLite identifiers are case-insensitive, so Dapper maps them
/// straight onto the row classes); enumerations are integers; the nested Info* bags are JSON text because they
/// are read and written as a unit and never queried.
/// </summary>
internal static class SqliteSchema
{
    /// <summary>Append only: never edit a migration that has shipped, add the next one.</summary>
    private static readonly (int Version, string Sql)[] AccountMigrations =
    [
        (1, """
            CREATE TABLE customers (
                account TEXT NOT NULL PRIMARY KEY,
                name TEXT NOT NULL,
                money REAL NOT NULL DEFAULT 0,
                limitMoney REAL NOT NULL DEFAULT 0,
                feeRateGroup TEXT NOT NULL DEFAULT '',
                type INTEGER NOT NULL DEFAULT 0,
                lockType INTEGER NOT NULL DEFAULT 0,
                agentAccount TEXT NULL REFERENCES customers(account) ON DELETE RESTRICT,
                phoneBookLimit INTEGER NOT NULL DEFAULT 0,
                canceled INTEGER NOT NULL DEFAULT 0,
                startTime INTEGER NOT NULL,
                validTime INTEGER NOT NULL DEFAULT 0,
                ctdBillingType INTEGER NOT NULL DEFAULT 0,
                memo TEXT NOT NULL DEFAULT '',
                infoCustomerAdditional TEXT NOT NULL DEFAULT '{}'
            );
            CREATE INDEX ix_customers_agent ON customers(agentAccount);
            CREATE TABLE phones (
                e164 TEXT NOT NULL PRIMARY KEY,
                account TEXT NOT NULL REFERENCES customers(account) ON DELETE RESTRICT,
                password TEXT NOT NULL,
                displayNumber TEXT NOT NULL DEFAULT '',
                lockType INTEGER NOT NULL DEFAULT 0,
                callLevel INTEGER NOT NULL DEFAULT 4,
                feerateGroup TEXT NOT NULL DEFAULT '',
                monthlyMoneyMinimum REAL NOT NULL DEFAULT 0,
                monthlyMoneyMaximum REAL NOT NULL DEFAULT 0,
                monthlyRentFee REAL NOT NULL DEFAULT 0,
                rewriteRulesOutCallee TEXT NOT NULL DEFAULT '',
                rewriteRulesInCallee TEXT NOT NULL DEFAULT '',
                rewriteRulesInCaller TEXT NOT NULL DEFAULT '',
                routingGatewayGroupsAllow INTEGER NOT NULL DEFAULT 0,
                routingGatewayGroups TEXT NOT NULL DEFAULT '',
                equipment TEXT NOT NULL DEFAULT '',
                calleeBilling INTEGER NOT NULL DEFAULT 0,
                customerPassword TEXT NOT NULL DEFAULT '',
                lineCallIn INTEGER NOT NULL DEFAULT 0,
                lineCallOut INTEGER NOT NULL DEFAULT 0,
                lineCapacity INTEGER NOT NULL DEFAULT 0,
                phonebookLimit INTEGER NOT NULL DEFAULT 0,
                callerLimitE164GroupsAllow INTEGER NOT NULL DEFAULT 0,
                callerLimitE164Groups TEXT NOT NULL DEFAULT '',
                calleeLimitE164Allow INTEGER NOT NULL DEFAULT 0,
                calleeLimitE164Groups TEXT NOT NULL DEFAULT '',
                dids TEXT NOT NULL DEFAULT '',
                memo TEXT NOT NULL DEFAULT '',
                infoPhoneValueAdded TEXT NOT NULL DEFAULT '{}',
                infoPhoneAdditional TEXT NOT NULL DEFAULT '{}'
            );
            CREATE INDEX ix_phones_account ON phones(account);
            """),
    ];

    /// <summary>
    /// Every migration of every area, in version order. Each area keeps its own list in its own file under
    /// Store/ with its own version range (accounts and phones 1-99, calls and CDRs 100-199, gateways and routing
    /// 200-299, numbers 300-399, billing 400-499, media and system 500-599, pushes 600-699, text messages 700-799, registrations 800-899, live-call journal 900-999, money ledger 1000-1099).
    /// </summary>
    // Declared after the area lists: static fields initialize in text order.
    public static readonly IReadOnlyList<(int Version, string Sql)> Migrations =
        new[] { AccountMigrations, CallMigrations.Migrations, GatewayMigrations.All, NumberMigrations.All, BillingMigrations.All, SystemMigrations.All, PushMigrations.All, MessageMigrations.All, RegistrationMigrations.All, JournalMigrations.All, LedgerMigrations.All }.SelectMany(m => m).OrderBy(m => m.Version).ToArray();

    public static int LatestVersion => Migrations.Max(m => m.Version);

    public static async Task MigrateAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        // WAL is a property of the database file, so setting it once here covers every later connection.
        await connection.ExecuteAsync("PRAGMA journal_mode=WAL;").ConfigureAwait(false);
        await connection.ExecuteAsync(
            "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL PRIMARY KEY, appliedAt INTEGER NOT NULL);")
            .ConfigureAwait(false);
        foreach (var (version, sql) in Migrations)
        {
            cancellationToken.ThrowIfCancellationRequested();
            // BEGIN IMMEDIATE takes the write lock first, so two processes opening the same file cannot both apply.
            using var transaction = connection.BeginTransaction(deferred: false);
            int applied = await connection.ExecuteScalarAsync<int>(
                "SELECT COUNT(*) FROM schema_version WHERE version = @version;", new { version }, transaction)
                .ConfigureAwait(false);
            if (applied == 0)
            {
                await connection.ExecuteAsync(sql, transaction: transaction).ConfigureAwait(false);
                await connection.ExecuteAsync(
                    "INSERT INTO schema_version (version, appliedAt) VALUES (@version, @at);",
                    new { version, at = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() }, transaction)
                    .ConfigureAwait(false);
            }
            transaction.Commit();
        }
    }
}
