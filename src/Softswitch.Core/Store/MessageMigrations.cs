namespace Softswitch.Core.Store;

/// <summary>
/// Schema of the text-message area (versions 700-799, see <see cref="SqliteSchema"/>). Append only.
/// </summary>
internal static class MessageMigrations
{
    /// <summary>
    /// textMessages: one row per MESSAGE a phone sent through the switch, with its outcome (TextMessage). Searched
    /// like CDRs, by account and a time range, hence the (account, time) index.
    /// </summary>
    public static readonly (int Version, string Sql)[] All =
    [
        (700, """
            CREATE TABLE textMessages (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                time INTEGER NOT NULL,
                account TEXT NOT NULL DEFAULT '',
                callerE164 TEXT NOT NULL DEFAULT '',
                calleeE164 TEXT NOT NULL DEFAULT '',
                calleeAccessE164 TEXT NOT NULL DEFAULT '',
                callerIp TEXT NOT NULL DEFAULT '',
                contentType TEXT NOT NULL DEFAULT '',
                body BLOB NOT NULL,
                status INTEGER NOT NULL
            );
            CREATE INDEX ix_textMessages_account_time ON textMessages(account, time);
            """),
    ];
}
