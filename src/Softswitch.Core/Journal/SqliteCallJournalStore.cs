using System.Text.Json;
using Dapper;
using Softswitch.Core.Cdrs;
using Softswitch.Core.Store;

namespace Softswitch.Core.Journal;

/// <summary>
/// The live-call journal in the shared SQLite file (<see cref="JournalMigrations"/> for the layout). The CDR so far
/// and the dialogs are JSON: written and read as a unit, never queried.
/// </summary>
public sealed class SqliteCallJournalStore(SqliteSoftswitchStore store) : ICallJournalStore
{
    // A call whose CDR is already written ended between being noted and this write: writing it would leave a row that
    // a recovery would replay (harmlessly, but with a needless BYE). The CDR writer deletes the row in the CDR's own
    // transaction, so either order of the two writes ends with no row.
    private const string UpsertSql = """
        INSERT OR REPLACE INTO call_journal (callKey, bootId, connectedAt, cdr, legs)
        SELECT @Key, @BootId, @ConnectedAt, @Cdr, @Legs
        WHERE NOT EXISTS (SELECT 1 FROM cdrs WHERE callKey = @Key);
        """;

    public async Task SaveAsync(IReadOnlyCollection<JournalledCall> calls, string bootId, DateTimeOffset? aliveAt, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(calls);
        await using var connection = await store.OpenConnectionAsync(cancellationToken);
        using var transaction = connection.BeginTransaction(deferred: false);
        await connection.ExecuteAsync(new CommandDefinition(UpsertSql, calls.Select(c => new
        {
            c.Key,
            c.BootId,
            ConnectedAt = c.ConnectedAt.ToUnixTimeMilliseconds(),
            Cdr = JsonSerializer.Serialize(c.Cdr),
            Legs = JsonSerializer.Serialize(c.Legs),
        }).ToArray(), transaction, cancellationToken: cancellationToken));
        if (aliveAt is { } alive)
        {
            await connection.ExecuteAsync(new CommandDefinition(
                "INSERT OR REPLACE INTO call_journal_heartbeat (bootId, aliveAt) VALUES (@bootId, @at);",
                new { bootId, at = alive.ToUnixTimeMilliseconds() }, transaction, cancellationToken: cancellationToken));
        }
        transaction.Commit();
    }

    public async Task<JournalLoad> LoadAsync(string currentBootId, CancellationToken cancellationToken = default)
    {
        await using var connection = await store.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<(string Key, string BootId, long ConnectedAt, string Cdr, string Legs, long? AliveAt)>(
            new CommandDefinition("""
                SELECT j.callKey, j.bootId, j.connectedAt, j.cdr, j.legs, h.aliveAt
                FROM call_journal j LEFT JOIN call_journal_heartbeat h ON h.bootId = j.bootId
                WHERE j.bootId <> @currentBootId ORDER BY j.connectedAt, j.callKey;
                """, new { currentBootId }, cancellationToken: cancellationToken));
        var calls = new List<RecoveredCall>();
        var damaged = new List<string>();
        foreach (var r in rows)
        {
            if (Read(r.Cdr, r.Legs) is not { } read)
            {
                damaged.Add(r.Key);
                continue;
            }
            calls.Add(new RecoveredCall(
                new JournalledCall
                {
                    Key = r.Key,
                    BootId = r.BootId,
                    ConnectedAt = DateTimeOffset.FromUnixTimeMilliseconds(r.ConnectedAt),
                    Cdr = read.Cdr,
                    Legs = read.Legs,
                },
                r.AliveAt is { } at ? DateTimeOffset.FromUnixTimeMilliseconds(at) : null));
        }
        if (damaged.Count > 0)
        {
            await connection.ExecuteAsync(new CommandDefinition("DELETE FROM call_journal WHERE callKey = @key;",
                damaged.Select(key => new { key }).ToArray(), cancellationToken: cancellationToken));
        }
        return new JournalLoad(calls, damaged.Count);
    }

    private static (Cdr Cdr, JournalledDialog[] Legs)? Read(string cdr, string legs)
    {
        try
        {
            return JsonSerializer.Deserialize<Cdr>(cdr) is { } c && JsonSerializer.Deserialize<JournalledDialog[]>(legs) is { } l ? (c, l) : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    public async Task<int> WriteCdrsAsync(IReadOnlyList<Cdr> cdrs, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(cdrs);
        if (cdrs.Count == 0)
        {
            return 0;
        }
        await using var connection = await store.OpenConnectionAsync(cancellationToken);
        using var transaction = connection.BeginTransaction(deferred: false);
        int written = await connection.ExecuteAsync(new CommandDefinition(SqliteCdrStore.InsertOrIgnoreByKeySql, cdrs, transaction,
            cancellationToken: cancellationToken));
        transaction.Commit();
        return written;
    }

    public async Task DeleteAsync(IReadOnlyList<string> keys, string currentBootId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(keys);
        await using var connection = await store.OpenConnectionAsync(cancellationToken);
        using var transaction = connection.BeginTransaction(deferred: false);
        await connection.ExecuteAsync(new CommandDefinition("DELETE FROM call_journal WHERE callKey = @key;",
            keys.Select(key => new { key }).ToArray(), transaction, cancellationToken: cancellationToken));
        await connection.ExecuteAsync(new CommandDefinition("""
            DELETE FROM call_journal_heartbeat WHERE bootId <> @currentBootId
            AND NOT EXISTS (SELECT 1 FROM call_journal j WHERE j.bootId = call_journal_heartbeat.bootId);
            """, new { currentBootId }, transaction, cancellationToken: cancellationToken));
        transaction.Commit();
    }
}
