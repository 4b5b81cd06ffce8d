namespace Softswitch.Core.Store;

/// <summary>
/// Schema of the live-call journal (versions 900-999, see <see cref="SqliteSchema"/>). Append only.
/// docs/crash-recovery.md describes how the tables are used.
/// </summary>
internal static class JournalMigrations
{
    /// <summary>
    /// cdrs.callKey: the unique key of a journalled call's CDR (null for calls never journalled and for CreateCdr), so
    /// a replayed journal row can never write a second CDR for the same call (INSERT OR IGNORE on the index).
    /// call_journal: one row per answered call, with the CDR so far and the two dialogs as JSON (read and written as a
    /// unit, never queried). call_journal_heartbeat: per switch process (bootId), the last time it was known alive.
    /// </summary>
    public static readonly (int Version, string Sql)[] All =
    [
        (900, """
            ALTER TABLE cdrs ADD COLUMN callKey TEXT NULL;
            CREATE UNIQUE INDEX ux_cdrs_callKey ON cdrs(callKey);
            CREATE TABLE call_journal (
                callKey TEXT NOT NULL PRIMARY KEY,
                bootId TEXT NOT NULL,
                connectedAt INTEGER NOT NULL,
                cdr TEXT NOT NULL,
                legs TEXT NOT NULL
            );
            CREATE TABLE call_journal_heartbeat (
                bootId TEXT NOT NULL PRIMARY KEY,
                aliveAt INTEGER NOT NULL
            );
            """),
    ];
}
