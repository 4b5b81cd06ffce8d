namespace Softswitch.Core.Journal;

/// <summary>A journalled call left by an earlier process, with the last time that process was known alive (null if never).</summary>
public sealed record RecoveredCall(JournalledCall Call, DateTimeOffset? LastAlive);
