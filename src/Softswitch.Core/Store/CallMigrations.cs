namespace Softswitch.Core.Store;

/// <summary>
/// Schema of the calls and CDRs area (versions 100-199, see <see cref="SqliteSchema.Migrations"/>). Append only.
/// </summary>
internal static class CallMigrations
{
    /// <summary>
    /// cdrs: InfoCdr (001_… §3.47) column for column. flowNo is the key; AUTOINCREMENT so a deleted or
    /// externally chosen high flowNo is never handed out again. GetCdr always filters by account and a start
    /// range, hence the (account, start) index; start alone serves maintenance and reports over all accounts.
    /// </summary>
    public static readonly (int Version, string Sql)[] Migrations =
    [
        (100, """
            CREATE TABLE cdrs (
                flowNo INTEGER PRIMARY KEY AUTOINCREMENT,
                callId INTEGER NOT NULL DEFAULT 0,
                callerE164 TEXT NOT NULL DEFAULT '',
                callerAccessE164 TEXT NOT NULL DEFAULT '',
                callerProductId TEXT NOT NULL DEFAULT '',
                callerToGatewayE164 TEXT NOT NULL DEFAULT '',
                callerGateway TEXT NOT NULL DEFAULT '',
                callerIp TEXT NOT NULL DEFAULT '',
                calleeE164 TEXT NOT NULL DEFAULT '',
                calleeAccessE164 TEXT NOT NULL DEFAULT '',
                calleeProductId TEXT NOT NULL DEFAULT '',
                calleeToGatewayE164 TEXT NOT NULL DEFAULT '',
                calleeGateway TEXT NOT NULL DEFAULT '',
                calleeIp TEXT NOT NULL DEFAULT '',
                start INTEGER NOT NULL,
                stop INTEGER NOT NULL,
                holdTime INTEGER NOT NULL DEFAULT 0,
                feeTime INTEGER NOT NULL DEFAULT 0,
                fee REAL NOT NULL DEFAULT 0,
                feePrefix TEXT NOT NULL DEFAULT '',
                suiteFee REAL NOT NULL DEFAULT 0,
                suiteFeeTime INTEGER NOT NULL DEFAULT 0,
                agentFee REAL NOT NULL DEFAULT 0,
                agentFeeTime INTEGER NOT NULL DEFAULT 0,
                agentFeePrefix TEXT NOT NULL DEFAULT '',
                agentSuiteFee REAL NOT NULL DEFAULT 0,
                agentSuiteFeeTime INTEGER NOT NULL DEFAULT 0,
                callLevel INTEGER NOT NULL DEFAULT 1,
                account TEXT NOT NULL DEFAULT '',
                accountName TEXT NOT NULL DEFAULT '',
                agentAccount TEXT NOT NULL DEFAULT '',
                agentName TEXT NOT NULL DEFAULT '',
                endDirection INTEGER NOT NULL DEFAULT 2,
                endReason INTEGER NOT NULL DEFAULT 0,
                calleeBilling INTEGER NOT NULL DEFAULT 0,
                billingMode INTEGER NOT NULL DEFAULT 0
            );
            CREATE INDEX ix_cdrs_account_start ON cdrs(account, start);
            CREATE INDEX ix_cdrs_start ON cdrs(start);
            """),
    ];
}
