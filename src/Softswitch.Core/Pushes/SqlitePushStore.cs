using Dapper;
using Softswitch.Core.Store;

namespace Softswitch.Core.Pushes;

/// <summary>Undelivered pushes in the shared SQLite file (table pushes, <see cref="PushMigrations"/>).</summary>
public sealed class SqlitePushStore(SqliteSoftswitchStore store) : IPushStore
{
    private const string InsertSql =
        "INSERT INTO pushes (idempotencyKey, page, lane, body, createdAt) " +
        "VALUES (@IdempotencyKey, @Page, @Lane, @Body, @CreatedAt) RETURNING seq;";

    public async Task<IReadOnlyList<StoredPush>> InsertBatchAsync(IReadOnlyList<StoredPush> pushes,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(pushes);
        if (pushes.Count == 0)
        {
            return [];
        }
        await using var connection = await store.OpenConnectionAsync(cancellationToken);
        using var transaction = connection.BeginTransaction(deferred: false);
        var result = new StoredPush[pushes.Count];
        for (int i = 0; i < pushes.Count; i++)
        {
            long seq = await connection.ExecuteScalarAsync<long>(
                new CommandDefinition(InsertSql, pushes[i], transaction, cancellationToken: cancellationToken));
            result[i] = pushes[i] with { Seq = seq };
        }
        transaction.Commit(); // one fsync per batch
        return result;
    }

    public async Task DeleteAsync(long seq, CancellationToken cancellationToken = default)
    {
        await using var connection = await store.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM pushes WHERE seq = @seq;", new { seq }, cancellationToken: cancellationToken));
    }

    public async Task<IReadOnlyList<StoredPush>> LoadAllAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await store.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<StoredPush>(new CommandDefinition(
            "SELECT seq, idempotencyKey, page, lane, body, createdAt FROM pushes ORDER BY seq;",
            cancellationToken: cancellationToken));
        return rows.AsList();
    }
}
