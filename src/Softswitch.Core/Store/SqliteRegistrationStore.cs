using Dapper;
using Softswitch.Core.Gateways;
using Softswitch.Core.Registrations;

namespace Softswitch.Core.Store;

/// <summary>The registration area in the shared SQLite file (<see cref="RegistrationMigrations"/> for the layout).</summary>
public sealed class SqliteRegistrationStore(SqliteSoftswitchStore store) : IRegistrationStore
{
    public async Task<IReadOnlyList<RegistrationBinding>> LoadPhoneBindingsAsync(DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        long at = now.ToUnixTimeMilliseconds();
        await using var connection = await store.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync("DELETE FROM registrations WHERE expiresAt <= @at;", new { at });
        var rows = await connection.QueryAsync<RegistrationRow>(
            $"SELECT {RegistrationRow.Columns} FROM registrations WHERE expiresAt > @at;", new { at });
        return rows.Select(r => r.ToBinding()).ToArray();
    }

    public async Task<IReadOnlyList<GatewayPresenceEntry>> LoadGatewayBindingsAsync(DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        long at = now.ToUnixTimeMilliseconds();
        await using var connection = await store.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync("DELETE FROM gateway_registrations WHERE expiresAt <= @at;", new { at });
        var rows = await connection.QueryAsync<GatewayRegistrationRow>(
            $"SELECT {GatewayRegistrationRow.Columns} FROM gateway_registrations WHERE expiresAt > @at;", new { at });
        return rows.Select(r => r.ToEntry()).ToArray();
    }

    public async Task SaveAsync(
        IReadOnlyDictionary<(string E164, string ContactUri), RegistrationBinding?> phones,
        IReadOnlyDictionary<(GatewayKind Kind, string Name), GatewayPresenceEntry?> gateways,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(phones);
        ArgumentNullException.ThrowIfNull(gateways);
        await using var connection = await store.OpenConnectionAsync(cancellationToken);
        using var transaction = connection.BeginTransaction(deferred: false);
        var kept = phones.Values.OfType<RegistrationBinding>().Select(RegistrationRow.From).ToArray();
        var dropped = phones.Where(p => p.Value is null).Select(p => new { e164 = p.Key.E164, contactUri = p.Key.ContactUri }).ToArray();
        await connection.ExecuteAsync(
            $"INSERT OR REPLACE INTO registrations ({RegistrationRow.Columns}) VALUES ({RegistrationRow.Parameters});", kept, transaction);
        await connection.ExecuteAsync("DELETE FROM registrations WHERE e164 = @e164 AND contactUri = @contactUri;", dropped, transaction);
        var keptGateways = gateways.Values.OfType<GatewayPresenceEntry>().Select(GatewayRegistrationRow.From).OfType<GatewayRegistrationRow>().ToArray();
        var droppedGateways = gateways.Where(g => g.Value?.Binding is null)
            .Select(g => new { kind = (long)g.Key.Kind, name = g.Key.Name }).ToArray();
        await connection.ExecuteAsync(
            $"INSERT OR REPLACE INTO gateway_registrations ({GatewayRegistrationRow.Columns}) VALUES ({GatewayRegistrationRow.Parameters});",
            keptGateways, transaction);
        await connection.ExecuteAsync("DELETE FROM gateway_registrations WHERE kind = @kind AND name = @name;", droppedGateways, transaction);
        transaction.Commit();
    }
}
