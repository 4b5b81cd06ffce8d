namespace Softswitch.Core.Store;

/// <summary>
/// Schema of the media and system area (versions 500-599, see <see cref="SqliteSchema"/>): alarms (001_… §3.85,
/// §3.88), IP limits (地理围栏, §3.86-§3.87), IVR audios and their WAV data (§3.74-§3.78), accepted CallBack and
/// PlayAudio requests (§3.60, §3.61) and semi-direct-dial callee reservations (§3.66). Column names are the manual's
/// field names. The WAV bytes live in their own table so listing audios never reads them. Append only.
/// </summary>
internal static class SystemMigrations
{
    public static readonly (int Version, string Sql)[] All =
    [
        (500, """
            CREATE TABLE alarms (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                type INTEGER NOT NULL DEFAULT 0,
                level INTEGER NOT NULL DEFAULT 0,
                name TEXT NOT NULL,
                startTime INTEGER NOT NULL,
                stopTime INTEGER NULL,
                value REAL NOT NULL,
                upper REAL NULL,
                lower REAL NULL,
                confirmUser TEXT NULL,
                confirmTime INTEGER NULL,
                memo TEXT NOT NULL DEFAULT ''
            );
            CREATE TABLE ip_limits (
                ip TEXT NOT NULL PRIMARY KEY,
                count INTEGER NOT NULL,
                area TEXT NOT NULL DEFAULT '',
                memo TEXT NOT NULL DEFAULT ''
            );
            CREATE TABLE ivr_audios (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                type INTEGER NOT NULL,
                name TEXT NOT NULL,
                language TEXT NOT NULL DEFAULT '',
                ivrServiceName TEXT NOT NULL DEFAULT '',
                memo TEXT NOT NULL DEFAULT '',
                size INTEGER NOT NULL DEFAULT 0,
                UNIQUE (type, name, language)
            );
            CREATE TABLE ivr_audio_data (
                id INTEGER NOT NULL PRIMARY KEY REFERENCES ivr_audios(id) ON DELETE CASCADE,
                data BLOB NOT NULL
            );
            CREATE TABLE ivr_requests (
                callIdentifier TEXT NOT NULL PRIMARY KEY,
                kind TEXT NOT NULL,
                transactionId TEXT NULL UNIQUE,
                accessE164 TEXT NOT NULL,
                request TEXT NOT NULL,
                createTime INTEGER NOT NULL
            );
            CREATE TABLE callee_reservations (
                accessE164 TEXT NOT NULL,
                callerE164 TEXT NOT NULL,
                calleeE164 TEXT NOT NULL,
                createTime INTEGER NOT NULL,
                PRIMARY KEY (accessE164, callerE164)
            );
            """),
    ];
}
