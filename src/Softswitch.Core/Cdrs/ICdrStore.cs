namespace Softswitch.Core.Cdrs;

/// <summary>Where CDRs are kept (SQLite by default; the same contract fits PostgreSQL, docs/architecture.md).</summary>
public interface ICdrStore
{
    /// <summary>Writes all of <paramref name="cdrs"/> in one transaction, or none; flowNos are assigned by the store.</summary>
    Task InsertBatchAsync(IReadOnlyList<Cdr> cdrs, CancellationToken cancellationToken = default);

    /// <summary>
    /// Writes one CDR; with a given FlowNo that is already recorded, writes nothing and returns null (CreateCdr,
    /// 001_… §3.51: a clashing flowNo is neither recorded nor charged). Returns the CDR's flowNo otherwise.
    /// </summary>
    Task<long?> TryInsertAsync(Cdr cdr, CancellationToken cancellationToken = default);

    /// <summary>The matching CDRs, oldest first.</summary>
    Task<IReadOnlyList<Cdr>> QueryAsync(CdrQuery query, CancellationToken cancellationToken = default);
}
