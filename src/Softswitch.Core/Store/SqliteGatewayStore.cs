using System.Text.Json;
using Dapper;
using Softswitch.Core.Gateways;
using Softswitch.Core.Management;

namespace Softswitch.Core.Store;

/// <summary>Gateways in the shared SQLite file (<see cref="GatewayMigrations"/> for the layout).</summary>
public sealed class SqliteGatewayStore : IGatewayStore
{
    private const string Mappings = "gateway_mappings";
    private const string Routings = "gateway_routings";
    private readonly SqliteSoftswitchStore _store;

    public SqliteGatewayStore(SqliteSoftswitchStore store)
    {
        _store = store;
    }

    public Task<IReadOnlyList<MappingGateway>> LoadMappingGatewaysAsync(CancellationToken cancellationToken = default) =>
        LoadAsync<MappingGateway>(Mappings, cancellationToken);

    public Task<long> InsertMappingGatewayAsync(MappingGateway gateway, CancellationToken cancellationToken = default) =>
        InsertAsync(Mappings, gateway.Name, Write(gateway), cancellationToken);

    public Task UpdateMappingGatewayAsync(MappingGateway gateway, CancellationToken cancellationToken = default) =>
        UpdateAsync(Mappings, gateway.Name, Write(gateway), cancellationToken);

    public Task<bool> DeleteMappingGatewayAsync(string name, CancellationToken cancellationToken = default) =>
        DeleteAsync(Mappings, name, cancellationToken);

    public Task<IReadOnlyList<RoutingGateway>> LoadRoutingGatewaysAsync(CancellationToken cancellationToken = default) =>
        LoadAsync<RoutingGateway>(Routings, cancellationToken);

    public Task<long> InsertRoutingGatewayAsync(RoutingGateway gateway, CancellationToken cancellationToken = default) =>
        InsertAsync(Routings, gateway.Name, Write(gateway), cancellationToken);

    public Task UpdateRoutingGatewayAsync(RoutingGateway gateway, CancellationToken cancellationToken = default) =>
        UpdateAsync(Routings, gateway.Name, Write(gateway), cancellationToken);

    public Task<bool> DeleteRoutingGatewayAsync(string name, CancellationToken cancellationToken = default) =>
        DeleteAsync(Routings, name, cancellationToken);

    private static string Write<T>(T gateway) => JsonSerializer.Serialize(gateway, StoreJson.Options);

    /// <summary>The row's id and name are the truth; the settings JSON holds every other field.</summary>
    private static T Read<T>(GatewayRow row)
        where T : Gateway =>
        (T)((JsonSerializer.Deserialize<T>(row.Settings, StoreJson.Options)
            ?? throw new InvalidDataException($"Gateway '{row.Name}' has empty settings.")) with { Id = row.Id, Name = row.Name });

    // Table names below are the two constants above, never input, so the interpolation is safe.
    private async Task<IReadOnlyList<T>> LoadAsync<T>(string table, CancellationToken cancellationToken)
        where T : Gateway
    {
        await using var connection = await _store.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<GatewayRow>($"SELECT id, name, settings FROM {table} ORDER BY id;");
        return rows.Select(Read<T>).ToArray();
    }

    private async Task<long> InsertAsync(string table, string name, string settings, CancellationToken cancellationToken)
    {
        await using var connection = await _store.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<long>(
            $"INSERT INTO {table} (name, settings) VALUES (@name, @settings) RETURNING id;", new { name, settings });
    }

    private async Task UpdateAsync(string table, string name, string settings, CancellationToken cancellationToken)
    {
        await using var connection = await _store.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync($"UPDATE {table} SET settings = @settings WHERE name = @name;", new { name, settings });
    }

    private async Task<bool> DeleteAsync(string table, string name, CancellationToken cancellationToken)
    {
        await using var connection = await _store.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteAsync($"DELETE FROM {table} WHERE name = @name;", new { name }) > 0;
    }

    private sealed class GatewayRow
    {
        public long Id { get; set; }
        public string Name { get; set; } = "";
        public string Settings { get; set; } = "";
    }
}
