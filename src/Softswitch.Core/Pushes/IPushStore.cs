namespace Softswitch.Core.Pushes;

/// <summary>Durable storage of undelivered pushes (001_… §4): written before sending, deleted once settled.</summary>
public interface IPushStore
{
    /// <summary>Writes the batch in one transaction; returns the rows with their <see cref="StoredPush.Seq"/> set.</summary>
    Task<IReadOnlyList<StoredPush>> InsertBatchAsync(IReadOnlyList<StoredPush> pushes, CancellationToken cancellationToken = default);

    /// <summary>Removes a delivered, rejected or expired push.</summary>
    Task DeleteAsync(long seq, CancellationToken cancellationToken = default);

    /// <summary>Every stored push in publishing order (start-up).</summary>
    Task<IReadOnlyList<StoredPush>> LoadAllAsync(CancellationToken cancellationToken = default);
}
