namespace Softswitch.Core.Journal;

/// <summary>What <see cref="ICallJournalStore.LoadAsync"/> found: the calls to recover, and how many rows were unreadable (deleted).</summary>
public sealed record JournalLoad(IReadOnlyList<RecoveredCall> Calls, int Damaged);
