using Dapper;
using Softswitch.Core.Billing;
using Softswitch.Core.Store;

namespace Softswitch.Core.Cdrs;

/// <summary>
/// CDRs in the shared SQLite file (table cdrs, <see cref="CallMigrations"/>). Column names are the manual's, so
/// Dapper maps rows straight onto <see cref="Cdr"/>; enumerations are stored as their integer codes.
/// </summary>
public sealed class SqliteCdrStore(SqliteSoftswitchStore store) : ICdrStore
{
    private const string Columns =
        "flowNo, callId, callerE164, callerAccessE164, callerProductId, callerToGatewayE164, callerGateway, callerIp, " +
        "calleeE164, calleeAccessE164, calleeProductId, calleeToGatewayE164, calleeGateway, calleeIp, start, stop, " +
        "holdTime, feeTime, fee, feePrefix, suiteFee, suiteFeeTime, agentFee, agentFeeTime, agentFeePrefix, " +
        "agentSuiteFee, agentSuiteFeeTime, callLevel, account, accountName, agentAccount, agentName, endDirection, " +
        "endReason, calleeBilling, billingMode, callKey";

    private static readonly string Parameters =
        string.Join(", ", Columns.Split(", ").Select(c => "@" + char.ToUpperInvariant(c[0]) + c[1..]));

    private static readonly string InsertSql = $"INSERT INTO cdrs ({Columns}) VALUES ({Parameters});";

    private static readonly string InsertReturningSql = $"INSERT INTO cdrs ({Columns}) VALUES ({Parameters}) RETURNING flowNo;";

    /// <summary>A CDR whose flowNo or callKey is already recorded is skipped, not an error.</summary>
    internal static readonly string InsertOrIgnoreByKeySql = $"INSERT OR IGNORE INTO cdrs ({Columns}) VALUES ({Parameters});";

    // A given flowNo that clashes is skipped, not an error (001_… §3.51); changes() then tells which happened.
    private static readonly string InsertOrIgnoreSql = InsertOrIgnoreByKeySql + " SELECT changes(), last_insert_rowid();";

    public async Task InsertBatchAsync(IReadOnlyList<Cdr> cdrs, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(cdrs);
        if (cdrs.Count == 0)
        {
            return;
        }
        await using var connection = await store.OpenConnectionAsync(cancellationToken);
        using var transaction = connection.BeginTransaction(deferred: false);
        // Dapper runs the command once per element, all inside the one transaction: one fsync per batch.
        await connection.ExecuteAsync(new CommandDefinition(InsertSql, cdrs, transaction,
            cancellationToken: cancellationToken));
        await DeleteJournalledAsync(connection, transaction, cdrs, cancellationToken);
        transaction.Commit();
    }

    /// <summary>
    /// A journalled call's row goes with its CDR, in the same transaction: a crash keeps both or neither
    /// (docs/crash-recovery.md).
    /// </summary>
    private static async Task DeleteJournalledAsync(System.Data.IDbConnection connection, System.Data.IDbTransaction transaction,
        IReadOnlyList<Cdr> cdrs, CancellationToken cancellationToken)
    {
        var journalled = cdrs.Where(c => c.CallKey is not null).Select(c => new { c.CallKey }).ToArray();
        if (journalled.Length > 0)
        {
            await connection.ExecuteAsync(new CommandDefinition("DELETE FROM call_journal WHERE callKey = @CallKey;", journalled,
                transaction, cancellationToken: cancellationToken));
        }
    }

    public Task<long?> TryInsertAsync(Cdr cdr, CancellationToken cancellationToken = default) =>
        TryInsertChargedAsync(cdr, null, cancellationToken);

    public async Task InsertChargedBatchAsync(IReadOnlyList<Cdr> cdrs, IReadOnlyList<CallCharge?> charges,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(cdrs);
        ArgumentNullException.ThrowIfNull(charges);
        ArgumentOutOfRangeException.ThrowIfNotEqual(charges.Count, cdrs.Count);
        await using var connection = await store.OpenConnectionAsync(cancellationToken);
        using var transaction = connection.BeginTransaction(deferred: false);
        for (int i = 0; i < cdrs.Count; i++)
        {
            if (charges[i] is not { } charge)
            {
                await connection.ExecuteAsync(new CommandDefinition(InsertSql, cdrs[i], transaction, cancellationToken: cancellationToken));
                continue;
            }
            long flowNo = await connection.ExecuteScalarAsync<long>(
                new CommandDefinition(InsertReturningSql, cdrs[i], transaction, cancellationToken: cancellationToken));
            await ChargeAsync(connection, transaction, cdrs[i], flowNo, charge);
        }
        await DeleteJournalledAsync(connection, transaction, cdrs, cancellationToken);
        transaction.Commit();
    }

    public async Task<long?> TryInsertChargedAsync(Cdr cdr, CallCharge? charge, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(cdr);
        await using var connection = await store.OpenConnectionAsync(cancellationToken);
        using var transaction = connection.BeginTransaction(deferred: false);
        var (changes, rowId) = await connection.QuerySingleAsync<(long, long)>(
            new CommandDefinition(InsertOrIgnoreSql, cdr, transaction, cancellationToken: cancellationToken));
        if (changes == 0)
        {
            return null;
        }
        if (charge is not null)
        {
            await ChargeAsync(connection, transaction, cdr, rowId, charge);
        }
        transaction.Commit();
        return rowId;
    }

    private static async Task ChargeAsync(System.Data.IDbConnection connection, System.Data.IDbTransaction transaction, Cdr cdr,
        long flowNo, CallCharge charge)
    {
        // Lines of one account follow each other in order, so its last SetBalance leaves the last line's balance.
        foreach (var line in charge.Lines)
        {
            await LedgerRows.AppendAsync(connection, transaction, line.Account, line.Kind, -line.Fee, line.Balance,
                cdr.Stop, $"cdr:{flowNo}{line.KeySuffix}");
            await LedgerRows.SetBalanceAsync(connection, transaction, line.Account, line.Balance);
        }
    }

    public async Task<IReadOnlyList<Cdr>> QueryAsync(CdrQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var sql = new System.Text.StringBuilder(
            $"SELECT {Columns} FROM cdrs WHERE {SqlList.In("account", "Accounts")} AND start >= @From AND start < @To");
        if (query.CallerE164 is not null)
        {
            sql.Append(" AND callerE164 = @CallerE164");
        }
        if (query.CalleeE164 is not null)
        {
            sql.Append(" AND calleeE164 = @CalleeE164");
        }
        if (query.CallerGateway is not null)
        {
            sql.Append(" AND callerGateway = @CallerGateway");
        }
        if (query.CalleeGateway is not null)
        {
            sql.Append(" AND calleeGateway = @CalleeGateway");
        }
        sql.Append(" ORDER BY start, flowNo;");
        await using var connection = await store.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<Cdr>(new CommandDefinition(sql.ToString(), new
        {
            Accounts = SqlList.Of(query.Accounts),
            From = query.From.ToUnixTimeMilliseconds(),
            To = query.To.ToUnixTimeMilliseconds(),
            query.CallerE164,
            query.CalleeE164,
            query.CallerGateway,
            query.CalleeGateway,
        }, cancellationToken: cancellationToken));
        return rows.AsList();
    }
}
