using Dapper;
using Softswitch.Core.Store;

namespace Softswitch.Core.TextMessages;

/// <summary>Text messages in the shared SQLite file (table textMessages, <see cref="MessageMigrations"/>).</summary>
public sealed class SqliteTextMessageStore(SqliteSoftswitchStore store) : ITextMessageStore
{
    private const string Columns = "id, time, account, callerE164, calleeE164, calleeAccessE164, callerIp, contentType, body, status";

    public async Task<long> InsertAsync(TextMessage message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        await using var connection = await store.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            """
            INSERT INTO textMessages (time, account, callerE164, calleeE164, calleeAccessE164, callerIp, contentType, body, status)
            VALUES (@Time, @Account, @CallerE164, @CalleeE164, @CalleeAccessE164, @CallerIp, @ContentType, @Body, @Status);
            SELECT last_insert_rowid();
            """,
            new
            {
                Time = message.Time.ToUnixTimeMilliseconds(),
                message.Account,
                message.CallerE164,
                message.CalleeE164,
                message.CalleeAccessE164,
                message.CallerIp,
                message.ContentType,
                Body = message.Body.ToArray(),
                message.Status,
            },
            cancellationToken: cancellationToken));
    }

    public async Task<IReadOnlyList<TextMessage>> QueryAsync(TextMessageQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var sql = new System.Text.StringBuilder(
            $"SELECT {Columns} FROM textMessages WHERE {SqlList.In("account", "Accounts")} AND time >= @From AND time < @To");
        if (query.CallerE164 is not null)
        {
            sql.Append(" AND callerE164 = @CallerE164");
        }
        if (query.CalleeE164 is not null)
        {
            sql.Append(" AND calleeE164 = @CalleeE164");
        }
        sql.Append(" ORDER BY time, id;");
        await using var connection = await store.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<Row>(new CommandDefinition(sql.ToString(), new
        {
            Accounts = SqlList.Of(query.Accounts),
            From = query.From.ToUnixTimeMilliseconds(),
            To = query.To.ToUnixTimeMilliseconds(),
            query.CallerE164,
            query.CalleeE164,
        }, cancellationToken: cancellationToken));
        return rows.Select(r => r.ToMessage()).ToArray();
    }

    /// <summary>A row as stored: the time in Unix milliseconds, the body as a BLOB.</summary>
    private sealed class Row
    {
        public long Id { get; set; }
        public long Time { get; set; }
        public string Account { get; set; } = "";
        public string CallerE164 { get; set; } = "";
        public string CalleeE164 { get; set; } = "";
        public string CalleeAccessE164 { get; set; } = "";
        public string CallerIp { get; set; } = "";
        public string ContentType { get; set; } = "";
        public byte[] Body { get; set; } = [];
        public int Status { get; set; }

        public TextMessage ToMessage() => new()
        {
            Id = Id,
            Time = DateTimeOffset.FromUnixTimeMilliseconds(Time),
            Account = Account,
            CallerE164 = CallerE164,
            CalleeE164 = CalleeE164,
            CalleeAccessE164 = CalleeAccessE164,
            CallerIp = CallerIp,
            ContentType = ContentType,
            Body = Body,
            Status = Status,
        };
    }
}
