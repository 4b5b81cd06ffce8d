using Softswitch.Core.Calls;
using Softswitch.Core.Journal;

namespace Softswitch.Core.Cdrs;

/// <summary>
/// The last step of every call: takes it out of the live calls and queues its one CDR. Every call, answered or
/// not, ends in exactly one CDR: the call's claim makes a second <see cref="Complete"/> a no-op. A journalled call's
/// CDR carries its journal key, and the journal is told the call ended (docs/crash-recovery.md).
/// </summary>
public sealed class CdrRecorder(CallRegistry registry, CdrQueue queue, CallJournal? journal = null)
{
    /// <summary>
    /// Removes the released call from the registry and queues its CDR. Returns false if its CDR was already
    /// queued, or if the queue refused it (full or closed; counted in <see cref="CdrQueue.Refused"/>).
    /// </summary>
    public bool Complete(Call call)
    {
        ArgumentNullException.ThrowIfNull(call);
        var snapshot = call.Snapshot;
        if (snapshot.State != CallState.Released)
        {
            throw new InvalidOperationException(
                $"Call {snapshot.CallId} is {snapshot.State}: end it (Call.End) before completing it.");
        }
        registry.Remove(snapshot.CallId);
        if (!call.TryClaimCdr())
        {
            return false;
        }
        if (call.JournalKey is not { } key)
        {
            return queue.TryEnqueue(CdrMapper.FromCall(snapshot));
        }
        journal?.Ended(key);
        return queue.TryEnqueue(CdrMapper.FromCall(snapshot) with { CallKey = key });
    }
}
