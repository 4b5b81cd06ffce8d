using Dapper;
using Microsoft.Data.Sqlite;
using Softswitch.Core.Alarms;
using Softswitch.Core.Ivr;
using Softswitch.Core.IpLimits;

namespace Softswitch.Core.Store;

/// <summary>The media and system area in the shared SQLite file (<see cref="SystemMigrations"/> for the layout).</summary>
public sealed class SqliteSystemStore : ISystemStore
{
    private const string AlarmColumns =
        "type, level, name, startTime, stopTime, value, upper, lower, confirmUser, confirmTime, memo";

    private readonly SqliteSoftswitchStore _store;

    public SqliteSystemStore(SqliteSoftswitchStore store)
    {
        _store = store;
    }

    public async Task<long> GetCreateTimeAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await _store.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<long>("SELECT COALESCE(MIN(appliedAt), 0) FROM schema_version;");
    }

    public async Task<IReadOnlyList<Alarm>> LoadAlarmsAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await _store.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<AlarmRow>($"SELECT id, {AlarmColumns} FROM alarms;");
        return rows.Select(r => r.ToAlarm()).ToArray();
    }

    public async Task<long> InsertAlarmAsync(Alarm alarm, CancellationToken cancellationToken = default)
    {
        await using var connection = await _store.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<long>(
            $"INSERT INTO alarms ({AlarmColumns}) VALUES (@Type, @Level, @Name, @StartTime, @StopTime, @Value, " +
            "@Upper, @Lower, @ConfirmUser, @ConfirmTime, @Memo) RETURNING id;", alarm);
    }

    public Task UpdateAlarmStopTimeAsync(long id, long stopTime, CancellationToken cancellationToken = default) =>
        ExecuteAsync("UPDATE alarms SET stopTime = @stopTime WHERE id = @id;", [new { id, stopTime }], cancellationToken);

    public async Task<IReadOnlyList<IpLimit>> LoadIpLimitsAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await _store.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<(string Ip, long Count, string Area, string Memo)>(
            "SELECT ip, count, area, memo FROM ip_limits;");
        return rows.Select(r => new IpLimit(r.Ip, r.Count, r.Area, r.Memo)).ToArray();
    }

    public Task InsertIpLimitAsync(IpLimit limit, CancellationToken cancellationToken = default) =>
        ExecuteAsync("INSERT INTO ip_limits (ip, count, area, memo) VALUES (@Ip, @Count, @Area, @Memo);", [limit],
            cancellationToken);

    public Task DeleteIpLimitsAsync(IReadOnlyList<string> ips, CancellationToken cancellationToken = default) =>
        ExecuteAsync("DELETE FROM ip_limits WHERE ip = @ip;", ips.Select(ip => new { ip }).ToArray(), cancellationToken);

    public async Task<IReadOnlyList<IvrAudio>> LoadIvrAudiosAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await _store.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<IvrAudioRow>(
            "SELECT id, type, name, language, ivrServiceName, memo, size FROM ivr_audios;");
        return rows.Select(r => r.ToAudio()).ToArray();
    }

    public async Task<long> InsertIvrAudioAsync(IvrAudio audio, CancellationToken cancellationToken = default)
    {
        await using var connection = await _store.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<long>(
            "INSERT INTO ivr_audios (type, name, language, ivrServiceName, memo, size) " +
            "VALUES (@Type, @Name, @Language, @IvrServiceName, @Memo, 0) RETURNING id;", audio);
    }

    public Task UpdateIvrAudioAsync(IvrAudio audio, CancellationToken cancellationToken = default) =>
        ExecuteAsync("UPDATE ivr_audios SET language = @Language, ivrServiceName = @IvrServiceName, memo = @Memo " +
            "WHERE id = @Id;", [audio], cancellationToken);

    public Task DeleteIvrAudioAsync(long id, CancellationToken cancellationToken = default) =>
        ExecuteAsync("DELETE FROM ivr_audios WHERE id = @id;", [new { id }], cancellationToken);

    public async Task SaveIvrAudioDataAsync(long id, byte[] data, CancellationToken cancellationToken = default)
    {
        await using var connection = await _store.OpenConnectionAsync(cancellationToken);
        using var transaction = connection.BeginTransaction(deferred: false);
        await connection.ExecuteAsync("INSERT OR REPLACE INTO ivr_audio_data (id, data) VALUES (@id, @data);",
            new { id, data }, transaction);
        await connection.ExecuteAsync("UPDATE ivr_audios SET size = @size WHERE id = @id;",
            new { id, size = (long)data.Length }, transaction);
        transaction.Commit();
    }

    public async Task<byte[]?> LoadIvrAudioDataAsync(long id, CancellationToken cancellationToken = default)
    {
        await using var connection = await _store.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<byte[]?>("SELECT data FROM ivr_audio_data WHERE id = @id;", new { id });
    }

    public async Task<IReadOnlyList<IvrCallRequest>> LoadIvrCallRequestsAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await _store.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<(string CallIdentifier, string Kind, string? TransactionId, string AccessE164, string Request, long CreateTime)>(
            "SELECT callIdentifier, kind, transactionId, accessE164, request, createTime FROM ivr_requests;");
        return rows.Select(r => new IvrCallRequest(r.CallIdentifier, r.Kind, r.TransactionId, r.AccessE164, r.Request, r.CreateTime))
            .ToArray();
    }

    public Task InsertIvrCallRequestAsync(IvrCallRequest request, CancellationToken cancellationToken = default) =>
        ExecuteAsync("INSERT INTO ivr_requests (callIdentifier, kind, transactionId, accessE164, request, createTime) " +
            "VALUES (@CallIdentifier, @Kind, @TransactionId, @AccessE164, @Request, @CreateTime);", [request], cancellationToken);

    public async Task<IReadOnlyList<CalleeReservation>> LoadCalleeReservationsAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await _store.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<(string AccessE164, string CallerE164, string CalleeE164, long CreateTime)>(
            "SELECT accessE164, callerE164, calleeE164, createTime FROM callee_reservations;");
        return rows.Select(r => new CalleeReservation(r.AccessE164, r.CallerE164, r.CalleeE164, r.CreateTime)).ToArray();
    }

    public Task UpsertCalleeReservationAsync(CalleeReservation reservation, CancellationToken cancellationToken = default) =>
        ExecuteAsync("INSERT OR REPLACE INTO callee_reservations (accessE164, callerE164, calleeE164, createTime) " +
            "VALUES (@AccessE164, @CallerE164, @CalleeE164, @CreateTime);", [reservation], cancellationToken);

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

    /// <summary>alarms row (SQLite hands integers back as Int64).</summary>
    private sealed class AlarmRow
    {
        public long Id { get; set; }
        public long Type { get; set; }
        public long Level { get; set; }
        public string Name { get; set; } = "";
        public long StartTime { get; set; }
        public long? StopTime { get; set; }
        public double Value { get; set; }
        public double? Upper { get; set; }
        public double? Lower { get; set; }
        public string? ConfirmUser { get; set; }
        public long? ConfirmTime { get; set; }
        public string Memo { get; set; } = "";

        public Alarm ToAlarm() => new()
        {
            Id = Id, Type = (int)Type, Level = (int)Level, Name = Name, StartTime = StartTime, StopTime = StopTime,
            Value = Value, Upper = Upper, Lower = Lower, ConfirmUser = ConfirmUser, ConfirmTime = ConfirmTime, Memo = Memo,
        };
    }

    /// <summary>ivr_audios row.</summary>
    private sealed class IvrAudioRow
    {
        public long Id { get; set; }
        public long Type { get; set; }
        public string Name { get; set; } = "";
        public string Language { get; set; } = "";
        public string IvrServiceName { get; set; } = "";
        public string Memo { get; set; } = "";
        public long Size { get; set; }

        public IvrAudio ToAudio() => new()
        {
            Id = Id, Type = (int)Type, Name = Name, Language = Language, IvrServiceName = IvrServiceName, Memo = Memo, Size = Size,
        };
    }
}
