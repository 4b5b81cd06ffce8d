namespace Softswitch.Core.Store;

/// <summary>
/// Schema of the registration area (versions 800-899, see <see cref="SqliteSchema"/>). Append only.
/// </summary>
internal static class RegistrationMigrations
{
    /// <summary>
    /// registrations: one row per live phone binding (RegistrationBinding), keyed like the in-memory table by
    /// (e164, contactUri); gateway_registrations: one row per registerType 1 gateway registration (GatewayPresenceEntry
    /// with its GatewayBinding), keyed by (kind, name). Times are Unix milliseconds; expiresAt is indexed because
    /// start-up drops the expired rows.
    /// </summary>
    public static readonly (int Version, string Sql)[] All =
    [
        (800, """
            CREATE TABLE registrations (
                e164 TEXT NOT NULL,
                contactUri TEXT NOT NULL,
                transport TEXT NOT NULL,
                sourceIp TEXT NOT NULL,
                sourcePort INTEGER NOT NULL,
                callId TEXT NOT NULL,
                cseq INTEGER NOT NULL,
                userAgent TEXT NULL,
                instanceId TEXT NULL,
                registeredAt INTEGER NOT NULL,
                expiresAt INTEGER NOT NULL,
                PRIMARY KEY (e164, contactUri)
            );
            CREATE INDEX ix_registrations_expiresAt ON registrations(expiresAt);
            CREATE TABLE gateway_registrations (
                kind INTEGER NOT NULL,
                name TEXT NOT NULL,
                remoteAddress TEXT NOT NULL,
                registeredAt INTEGER NULL,
                updatedAt INTEGER NOT NULL,
                expiresAt INTEGER NOT NULL,
                localAddress TEXT NOT NULL DEFAULT '',
                natAddress TEXT NULL,
                cryptoType INTEGER NOT NULL DEFAULT 0,
                contactUri TEXT NOT NULL,
                transport TEXT NOT NULL,
                sourceIp TEXT NOT NULL,
                sourcePort INTEGER NOT NULL,
                callId TEXT NOT NULL,
                cseq INTEGER NOT NULL,
                PRIMARY KEY (kind, name)
            );
            CREATE INDEX ix_gateway_registrations_expiresAt ON gateway_registrations(expiresAt);
            """),
    ];
}
