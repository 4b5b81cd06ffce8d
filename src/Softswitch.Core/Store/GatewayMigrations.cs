namespace Softswitch.Core.Store;

/// <summary>
/// Schema of the gateway area (versions 200-299, see <see cref="SqliteSchema"/>). A gateway has over a hundred
/// settings (001_… §3.11, §3.16) that are always read and written as a unit and never queried by SQL (the engine
/// reads memory), so they are one JSON document under the manual's names, next to the unique name; the id column
/// gives the stable integer InfoGateway*Online.id (§3.15, §3.20) reports. Append only.
/// </summary>
internal static class GatewayMigrations
{
    public static readonly (int Version, string Sql)[] All =
    [
        (200, """
            CREATE TABLE gateway_mappings (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                name TEXT NOT NULL UNIQUE,
                settings TEXT NOT NULL
            );
            CREATE TABLE gateway_routings (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                name TEXT NOT NULL UNIQUE,
                settings TEXT NOT NULL
            );
            """),
    ];
}
