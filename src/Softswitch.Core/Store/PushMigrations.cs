namespace Softswitch.Core.Store;

/// <summary>
/// Schema of the push area (versions 600-699, see <see cref="SqliteSchema"/>): outgoing requests of 001_… §4 that
/// are not yet delivered. seq (AUTOINCREMENT, never reused) is the publishing order, which is the delivery order
/// within a lane; a row is deleted once its push is delivered, rejected or expired. Append only.
/// </summary>
internal static class PushMigrations
{
    public static readonly (int Version, string Sql)[] All =
    [
        (600, """
            CREATE TABLE pushes (
                seq INTEGER PRIMARY KEY AUTOINCREMENT,
                idempotencyKey TEXT NOT NULL UNIQUE,
                page TEXT NOT NULL,
                lane TEXT NOT NULL,
                body TEXT NOT NULL,
                createdAt INTEGER NOT NULL
            );
            """),
    ];
}
