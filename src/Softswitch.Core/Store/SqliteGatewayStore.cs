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

    public async Task<IReadOnlyList<MappingGateway>> LoadMappingGatewaysAsync(CancellationToken cancellationToken = default) =>
        (await LoadAsync(Mappings, cancellationToken))
            .Select(r => Read<MappingGateway>(r) with { Id = r.Id, Name = r.Name })
            .ToArray();

    public Task<long> InsertMappingGatewayAsync(MappingGateway gateway, CancellationToken cancellationToken = default) =>
        InsertAsync(Mappings, gateway.Name, Write(gateway), cancellationToken);

    public Task UpdateMappingGatewayAsync(MappingGateway gateway, CancellationToken cancellationToken = default) =>
        UpdateAsync(Mappings, gateway.Name, Write(gateway), cancellationToken);

    public Task<bool> DeleteMappingGatewayAsync(string name, CancellationToken cancellationToken = default) =>
        DeleteAsync(Mappings, name, cancellationToken);

    public async Task<IReadOnlyList<RoutingGateway>> LoadRoutingGatewaysAsync(CancellationToken cancellationToken = default) =>
        (await LoadAsync(Routings, cancellationToken))
            .Select(r => Read<RoutingGateway>(r) with { Id = r.Id, Name = r.Name })
            .ToArray();

    public Task<long> InsertRoutingGatewayAsync(RoutingGateway gateway, CancellationToken cancellationToken = default) =>
        InsertAsync(Routings, gateway.Name, Write(gateway), cancellationToken);

    public Task UpdateRoutingGatewayAsync(RoutingGateway gateway, CancellationToken cancellationToken = default) =>
        UpdateAsync(Routings, gateway.Name, Write(gateway), cancellationToken);

    public Task<bool> DeleteRoutingGatewayAsync(string name, CancellationToken cancellationToken = default) =>
        DeleteAsync(Routings, name, cancellationToken);

    private static string Write<T>(T gateway) => JsonSerializer.Serialize(gateway, StoreJson.Options);

    private static T Read<T>(GatewayRow row) =>
        JsonSerializer.Deserialize<T>(row.Settings, StoreJson.Options)
        ?? throw new InvalidDataException($"Gateway '{row.Name}' has empty settings.");

    // Table names below are the two constants above, never input, so the interpolation is safe.
    private async Task<IEnumerable<GatewayRow>> LoadAsync(string table, CancellationToken cancellationToken)
    {
        await using var connection = await _store.OpenConnectionAsync(cancellationToken);
        return await connection.QueryAsync<GatewayRow>($"SELECT id, name, settings FROM {table} ORDER BY id;");
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
