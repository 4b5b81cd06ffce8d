using Softswitch.Core.Cdrs;

namespace Softswitch.Core.Journal;

/// <summary>Where the live-call journal is kept (the shared SQLite file by default, <see cref="SqliteCallJournalStore"/>).</summary>
public interface ICallJournalStore
{
    /// <summary>
    /// In one transaction: writes the calls (a call whose CDR is already recorded is not written: it ended meanwhile)
    /// and, when given, the heartbeat of <paramref name="bootId"/>.
    /// </summary>
    Task SaveAsync(IReadOnlyCollection<JournalledCall> calls, string bootId, DateTimeOffset? aliveAt, CancellationToken cancellationToken = default);

    /// <summary>
    /// The journalled calls of every process other than <paramref name="currentBootId"/>, with that process's last
    /// heartbeat. A row that cannot be read (damaged JSON) is deleted and counted, never thrown: the start goes on.
    /// </summary>
    Task<JournalLoad> LoadAsync(string currentBootId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Writes the CDRs of recovered calls, each keyed by its callKey; one already recorded is left as it is. In one
    /// transaction; returns how many were written.
    /// </summary>
    Task<int> WriteCdrsAsync(IReadOnlyList<Cdr> cdrs, CancellationToken cancellationToken = default);

    /// <summary>Deletes the journal rows of <paramref name="keys"/>, and the heartbeats of other processes with no row left.</summary>
    Task DeleteAsync(IReadOnlyList<string> keys, string currentBootId, CancellationToken cancellationToken = default);
}
