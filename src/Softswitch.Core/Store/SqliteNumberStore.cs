using System.Text.Json;
using Dapper;
using Microsoft.Data.Sqlite;
using Softswitch.Core.Management;
using Softswitch.Core.Numbers;

namespace Softswitch.Core.Store;

/// <summary>The number area in the shared SQLite file (<see cref="NumberMigrations"/> for the layout).</summary>
public sealed class SqliteNumberStore : INumberStore
{
    private readonly SqliteSoftswitchStore _store;

    public SqliteNumberStore(SqliteSoftswitchStore store)
    {
        _store = store;
    }

    public Task<IReadOnlyList<LimitE164Group>> LoadLimitE164GroupsAsync(CancellationToken cancellationToken = default) =>
        QueryAsync<LimitE164Group>("SELECT name, memo FROM limit_e164_groups;", cancellationToken);

    public Task InsertLimitE164GroupAsync(LimitE164Group group, CancellationToken cancellationToken = default) =>
        ExecuteAsync("INSERT INTO limit_e164_groups (name, memo) VALUES (@Name, @Memo);", [group], cancellationToken);

    public Task UpdateLimitE164GroupAsync(LimitE164Group group, CancellationToken cancellationToken = default) =>
        ExecuteAsync("UPDATE limit_e164_groups SET memo = @Memo WHERE name = @Name;", [group], cancellationToken);

    public Task DeleteLimitE164GroupAsync(string name, CancellationToken cancellationToken = default) =>
        ExecuteAsync("DELETE FROM limit_e164_groups WHERE name = @name;", [new { name }], cancellationToken);

    public Task<IReadOnlyList<LimitE164>> LoadLimitE164sAsync(CancellationToken cancellationToken = default) =>
        QueryAsync<LimitE164>("SELECT limitE164GroupName, e164, memo FROM limit_e164s;", cancellationToken);

    public Task InsertLimitE164sAsync(IReadOnlyList<LimitE164> numbers, CancellationToken cancellationToken = default) =>
        ExecuteAsync("INSERT INTO limit_e164s (limitE164GroupName, e164, memo) VALUES (@LimitE164GroupName, @E164, @Memo);",
            numbers, cancellationToken);

    public Task DeleteLimitE164sAsync(string group, IReadOnlyList<string> e164s, CancellationToken cancellationToken = default) =>
        ExecuteAsync("DELETE FROM limit_e164s WHERE limitE164GroupName = @group AND e164 = @e164;",
            e164s.Select(e164 => new { group, e164 }).ToArray(), cancellationToken);

    public Task<IReadOnlyList<E164Convert>> LoadE164ConvertsAsync(CancellationToken cancellationToken = default) =>
        QueryAsync<E164Convert>(
            "SELECT id, e164, mappingGatewayCallerE164, routingGatewayCalleeE164, memo FROM e164_converts;", cancellationToken);

    public async Task<long> InsertE164ConvertAsync(E164Convert convert, CancellationToken cancellationToken = default)
    {
        await using var connection = await _store.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<long>(
            "INSERT INTO e164_converts (e164, mappingGatewayCallerE164, routingGatewayCalleeE164, memo) " +
            "VALUES (@E164, @MappingGatewayCallerE164, @RoutingGatewayCalleeE164, @Memo) RETURNING id;", convert);
    }

    public Task UpdateE164ConvertAsync(E164Convert convert, CancellationToken cancellationToken = default) =>
        ExecuteAsync("UPDATE e164_converts SET mappingGatewayCallerE164 = @MappingGatewayCallerE164, " +
            "routingGatewayCalleeE164 = @RoutingGatewayCalleeE164, memo = @Memo WHERE id = @Id;", [convert], cancellationToken);

    public Task DeleteE164ConvertAsync(long id, CancellationToken cancellationToken = default) =>
        ExecuteAsync("DELETE FROM e164_converts WHERE id = @id;", [new { id }], cancellationToken);

    public Task<IReadOnlyList<MobileArea>> LoadMobileAreasAsync(CancellationToken cancellationToken = default) =>
        QueryAsync<MobileArea>("SELECT mobilePrefix, areaCode, areaName, memo FROM mobile_areas;", cancellationToken);

    public Task UpsertMobileAreasAsync(IReadOnlyList<MobileArea> areas, CancellationToken cancellationToken = default) =>
        ExecuteAsync("INSERT INTO mobile_areas (mobilePrefix, areaCode, areaName, memo) " +
            "VALUES (@MobilePrefix, @AreaCode, @AreaName, @Memo) ON CONFLICT(mobilePrefix) DO UPDATE SET " +
            "areaCode = excluded.areaCode, areaName = excluded.areaName, memo = excluded.memo;", areas, cancellationToken);

    public Task DeleteMobileAreasAsync(IReadOnlyList<string> mobilePrefixes, CancellationToken cancellationToken = default) =>
        ExecuteAsync("DELETE FROM mobile_areas WHERE mobilePrefix = @prefix;",
            mobilePrefixes.Select(prefix => new { prefix }).ToArray(), cancellationToken);

    public async Task<IReadOnlyList<CustomerPhoneBookEntry>> LoadPhoneBookAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await _store.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<PhoneBookRow>($"SELECT {PhoneBookRow.Columns} FROM customer_phone_books;");
        return rows.Select(r => r.ToEntry()).ToArray();
    }

    public async Task SavePhoneBookEntryAsync(CustomerPhoneBookEntry entry, string? replacedE164,
        CancellationToken cancellationToken = default)
    {
        await using var connection = await _store.OpenConnectionAsync(cancellationToken);
        using var transaction = connection.BeginTransaction(deferred: false);
        if (replacedE164 is not null)
        {
            await connection.ExecuteAsync("DELETE FROM customer_phone_books WHERE account = @account AND e164 = @e164;",
                new { account = entry.Account, e164 = replacedE164 }, transaction);
        }
        await connection.ExecuteAsync(
            $"INSERT OR REPLACE INTO customer_phone_books ({PhoneBookRow.Columns}) VALUES ({PhoneBookRow.Parameters});",
            PhoneBookRow.From(entry), transaction);
        transaction.Commit();
    }

    public Task DeletePhoneBookEntriesAsync(string account, IReadOnlyList<string> e164s, CancellationToken cancellationToken = default) =>
        ExecuteAsync("DELETE FROM customer_phone_books WHERE account = @account AND e164 = @e164;",
            e164s.Select(e164 => new { account, e164 }).ToArray(), cancellationToken);

    public Task<IReadOnlyList<BindedE164>> LoadBindedE164sAsync(CancellationToken cancellationToken = default) =>
        QueryAsync<BindedE164>(
            "SELECT e164, pin, displayE164, rewriteRulesOutCallee, bindTime, language, memo FROM binded_e164s;", cancellationToken);

    public Task InsertBindedE164Async(BindedE164 binded, CancellationToken cancellationToken = default) =>
        ExecuteAsync("INSERT INTO binded_e164s (e164, pin, displayE164, rewriteRulesOutCallee, bindTime, language, memo) " +
            "VALUES (@E164, @Pin, @DisplayE164, @RewriteRulesOutCallee, @BindTime, @Language, @Memo);", [binded], cancellationToken);

    public Task UpdateBindedE164Async(BindedE164 binded, CancellationToken cancellationToken = default) =>
        ExecuteAsync("UPDATE binded_e164s SET pin = @Pin, displayE164 = @DisplayE164, rewriteRulesOutCallee = " +
            "@RewriteRulesOutCallee, language = @Language, memo = @Memo WHERE e164 = @E164;", [binded], cancellationToken);

    public Task DeleteBindedE164Async(string e164, CancellationToken cancellationToken = default) =>
        ExecuteAsync("DELETE FROM binded_e164s WHERE e164 = @e164;", [new { e164 }], cancellationToken);

    private async Task<IReadOnlyList<T>> QueryAsync<T>(string sql, CancellationToken cancellationToken)
    {
        await using var connection = await _store.OpenConnectionAsync(cancellationToken);
        return (await connection.QueryAsync<T>(sql)).ToArray();
    }

    /// <summary>Runs the statement once per parameter object, all in one transaction.</summary>
    private async Task ExecuteAsync<T>(string sql, IReadOnlyList<T> parameters, CancellationToken cancellationToken)
    {
        await using var connection = await _store.OpenConnectionAsync(cancellationToken);
        using SqliteTransaction transaction = connection.BeginTransaction(deferred: false);
        foreach (var p in parameters)
        {
            await connection.ExecuteAsync(sql, p, transaction);
        }
        transaction.Commit();
    }

    /// <summary>customer_phone_books row; shortE164s is a JSON array.</summary>
    private sealed class PhoneBookRow
    {
        public const string Columns =
            "account, e164, shortE164s, name, department, deviceType, addressType, type, lastUpdateTime, memo";

        public const string Parameters =
            "@Account, @E164, @ShortE164s, @Name, @Department, @DeviceType, @AddressType, @Type, @LastUpdateTime, @Memo";

        public string Account { get; set; } = "";
        public string E164 { get; set; } = "";
        public string ShortE164s { get; set; } = "[]";
        public string Name { get; set; } = "";
        public string Department { get; set; } = "";
        public long DeviceType { get; set; }
        public long AddressType { get; set; }
        public long Type { get; set; }
        public long LastUpdateTime { get; set; }
        public string Memo { get; set; } = "";

        public static PhoneBookRow From(CustomerPhoneBookEntry e) => new()
        {
            Account = e.Account,
            E164 = e.E164,
            ShortE164s = JsonSerializer.Serialize(e.ShortE164s, StoreJson.Options),
            Name = e.Name,
            Department = e.Department,
            DeviceType = e.DeviceType,
            AddressType = e.AddressType,
            Type = e.Type,
            LastUpdateTime = e.LastUpdateTime,
            Memo = e.Memo,
        };

        public CustomerPhoneBookEntry ToEntry() => new()
        {
            Account = Account,
            E164 = E164,
            ShortE164s = JsonSerializer.Deserialize<string[]>(ShortE164s, StoreJson.Options) ?? [],
            Name = Name,
            Department = Department,
            DeviceType = (int)DeviceType,
            AddressType = (int)AddressType,
            Type = (int)Type,
            LastUpdateTime = LastUpdateTime,
            Memo = Memo,
        };
    }
}
