namespace Softswitch.Core.Store;

/// <summary>
/// Schema of the number area (versions 300-399, see <see cref="SqliteSchema"/>): number groups and their numbers
/// (001_… §3.67-§3.73), number conversions (§3.79), mobile areas (§3.90), account phone books (§3.53) and bound
/// numbers (§3.36). Column names are the manual's field names. Account and phone references carry no foreign key:
/// those rows belong to other services, which would otherwise fail their deletes with a constraint error instead of
/// a clear answer. Append only.
/// </summary>
internal static class NumberMigrations
{
    public static readonly (int Version, string Sql)[] All =
    [
        (300, """
            CREATE TABLE limit_e164_groups (
                name TEXT NOT NULL PRIMARY KEY,
                memo TEXT NOT NULL DEFAULT ''
            );
            CREATE TABLE limit_e164s (
                limitE164GroupName TEXT NOT NULL REFERENCES limit_e164_groups(name) ON DELETE CASCADE,
                e164 TEXT NOT NULL,
                memo TEXT NOT NULL DEFAULT '',
                PRIMARY KEY (limitE164GroupName, e164)
            );
            CREATE TABLE e164_converts (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                e164 TEXT NOT NULL,
                mappingGatewayCallerE164 TEXT NOT NULL UNIQUE,
                routingGatewayCalleeE164 TEXT NOT NULL,
                memo TEXT NOT NULL DEFAULT ''
            );
            CREATE INDEX ix_e164_converts_e164 ON e164_converts(e164);
            CREATE TABLE mobile_areas (
                mobilePrefix TEXT NOT NULL PRIMARY KEY,
                areaCode TEXT NOT NULL,
                areaName TEXT NOT NULL DEFAULT '',
                memo TEXT NOT NULL DEFAULT ''
            );
            CREATE TABLE customer_phone_books (
                account TEXT NOT NULL,
                e164 TEXT NOT NULL,
                shortE164s TEXT NOT NULL DEFAULT '[]',
                name TEXT NOT NULL DEFAULT '',
                department TEXT NOT NULL DEFAULT '',
                deviceType INTEGER NOT NULL DEFAULT 0,
                addressType INTEGER NOT NULL DEFAULT 0,
                type INTEGER NOT NULL DEFAULT 0,
                lastUpdateTime INTEGER NOT NULL,
                memo TEXT NOT NULL DEFAULT '',
                PRIMARY KEY (account, e164)
            );
            CREATE TABLE binded_e164s (
                e164 TEXT NOT NULL PRIMARY KEY,
                pin TEXT NOT NULL,
                displayE164 TEXT NOT NULL DEFAULT '',
                rewriteRulesOutCallee TEXT NOT NULL DEFAULT '',
                bindTime INTEGER NOT NULL,
                language TEXT NOT NULL DEFAULT '',
                memo TEXT NOT NULL DEFAULT ''
            );
            CREATE INDEX ix_binded_e164s_pin ON binded_e164s(pin);
            """),
    ];
}
