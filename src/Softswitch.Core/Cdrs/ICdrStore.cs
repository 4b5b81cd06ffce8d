using Softswitch.Core.Billing;

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

    /// <summary>
    /// Writes all of <paramref name="cdrs"/> and, for each non-null entry of <paramref name="charges"/> (same index),
    /// its ledger rows (one per charge line, keyed by the CDR's new flowNo) and the new balances, in one transaction, or nothing
    /// (docs/billing.md "Charging a call"). <paramref name="charges"/> has one entry per CDR.
    /// </summary>
    Task InsertChargedBatchAsync(IReadOnlyList<Cdr> cdrs, IReadOnlyList<CallCharge?> charges,
        CancellationToken cancellationToken = default);

    /// <summary>
    /// <see cref="TryInsertAsync"/> with its charge in the same transaction: a clashing flowNo records and charges
    /// nothing (null), as 001_… §3.51 asks.
    /// </summary>
    Task<long?> TryInsertChargedAsync(Cdr cdr, CallCharge? charge, CancellationToken cancellationToken = default);

    /// <summary>The matching CDRs, oldest first.</summary>
    Task<IReadOnlyList<Cdr>> QueryAsync(CdrQuery query, CancellationToken cancellationToken = default);
}
