using System.Text.Json;
using Dapper;
using Microsoft.Data.Sqlite;
using Softswitch.Core.Billing;
using Softswitch.Core.Management;

namespace Softswitch.Core.Store;

/// <summary>
/// The billing area in the shared SQLite file (<see cref="BillingMigrations"/> for the layout). Money crosses the
/// REAL columns as double and comes back through <see cref="Money.From"/>; split by aspect into partial files.
/// </summary>
public sealed partial class SqliteBillingStore : IBillingStore
{
    private const string RateColumns =
        "feeRateGroup, feePrefix, areaCode, type, areaName, infoFeeRateSections, fee, period, lockType, ivrFee, ivrPeriod";

    private readonly SqliteSoftswitchStore _store;

    public SqliteBillingStore(SqliteSoftswitchStore store)
    {
        _store = store;
    }

    public async Task<IReadOnlyList<FeeRateGroup>> LoadFeeRateGroupsAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await _store.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<(string Name, long? FakeMinute, string Memo)>(
            "SELECT name, fakeMinute, memo FROM fee_rate_groups;");
        return rows.Select(r => new FeeRateGroup(r.Name, r.FakeMinute is { } f ? (int)f : null, r.Memo)).ToArray();
    }

    public async Task<IReadOnlyList<FeeRate>> LoadFeeRatesAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await _store.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<RateRow>($"SELECT {RateColumns} FROM fee_rates;");
        return rows.Select(r => r.ToRate()).ToArray();
    }

    public Task InsertFeeRateGroupAsync(FeeRateGroup group, CancellationToken cancellationToken = default) =>
        ExecuteAsync("INSERT INTO fee_rate_groups (name, fakeMinute, memo) VALUES (@Name, @FakeMinute, @Memo);",
            [group], cancellationToken);

    public Task UpdateFeeRateGroupAsync(FeeRateGroup group, CancellationToken cancellationToken = default) =>
        ExecuteAsync("UPDATE fee_rate_groups SET fakeMinute = @FakeMinute, memo = @Memo WHERE name = @Name;",
            [group], cancellationToken);

    public Task DeleteFeeRateGroupAsync(string name, CancellationToken cancellationToken = default) =>
        ExecuteAsync("DELETE FROM fee_rate_groups WHERE name = @name;", [new { name }], cancellationToken);

    public async Task UpsertFeeRatesAsync(IReadOnlyList<FeeRate> rates, string? replaceGroup,
        CancellationToken cancellationToken = default)
    {
        await using var connection = await _store.OpenConnectionAsync(cancellationToken);
        using var transaction = connection.BeginTransaction(deferred: false);
        if (replaceGroup is not null)
        {
            await connection.ExecuteAsync("DELETE FROM fee_rates WHERE feeRateGroup = @replaceGroup;",
                new { replaceGroup }, transaction);
        }
        await connection.ExecuteAsync(
            $"INSERT OR REPLACE INTO fee_rates ({RateColumns}) VALUES (@FeeRateGroup, @FeePrefix, @AreaCode, @Type, " +
            "@AreaName, @InfoFeeRateSections, @Fee, @Period, @LockType, @IvrFee, @IvrPeriod);",
            rates.Select(RateRow.From).ToArray(), transaction);
        transaction.Commit();
    }

    public Task DeleteFeeRatesAsync(string group, IReadOnlyList<string> feePrefixes, CancellationToken cancellationToken = default) =>
        ExecuteAsync("DELETE FROM fee_rates WHERE feeRateGroup = @group AND feePrefix = @prefix;",
            feePrefixes.Select(prefix => new { group, prefix }).ToArray(), cancellationToken);

    private async Task<IReadOnlyList<T>> QueryAsync<T>(string sql, object? parameters, CancellationToken cancellationToken)
    {
        await using var connection = await _store.OpenConnectionAsync(cancellationToken);
        return (await connection.QueryAsync<T>(sql, parameters)).ToArray();
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

    private async Task<long> InsertReturningIdAsync(string sql, object parameters, CancellationToken cancellationToken)
    {
        await using var connection = await _store.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<long>(sql, parameters);
    }

    private static string Json<T>(T value) => JsonSerializer.Serialize(value, StoreJson.Options);

    private static T FromJson<T>(string text, T fallback) => JsonSerializer.Deserialize<T>(text, StoreJson.Options) ?? fallback;

    /// <summary>fee_rates row; sections are JSON.</summary>
    private sealed class RateRow
    {
        public string FeeRateGroup { get; set; } = "";
        public string FeePrefix { get; set; } = "";
        public string AreaCode { get; set; } = "";
        public long Type { get; set; }
        public string AreaName { get; set; } = "";
        public string InfoFeeRateSections { get; set; } = "[]";
        public double Fee { get; set; }
        public long Period { get; set; }
        public long LockType { get; set; }
        public double IvrFee { get; set; }
        public long IvrPeriod { get; set; }

        public static RateRow From(FeeRate r) => new()
        {
            FeeRateGroup = r.FeeRateGroup,
            FeePrefix = r.FeePrefix,
            AreaCode = r.AreaCode,
            Type = (int)r.Type,
            AreaName = r.AreaName,
            InfoFeeRateSections = Json(r.Sections),
            Fee = Money.ToDouble(r.Fee),
            Period = r.Period,
            LockType = r.LockType,
            IvrFee = Money.ToDouble(r.IvrFee),
            IvrPeriod = r.IvrPeriod,
        };

        public FeeRate ToRate() => new()
        {
            FeeRateGroup = FeeRateGroup,
            FeePrefix = FeePrefix,
            AreaCode = AreaCode,
            Type = (FeeRateType)Type,
            AreaName = AreaName,
            Sections = FromJson<FeeRateSection[]>(InfoFeeRateSections, []),
            Fee = Money.From(Fee),
            Period = (int)Period,
            LockType = (int)LockType,
            IvrFee = Money.From(IvrFee),
            IvrPeriod = (int)IvrPeriod,
        };
    }
}
