using System.Collections.Concurrent;

namespace Softswitch.Core.Calls;

/// <summary>
/// The live calls, by call id (docs/architecture.md: dictionaries for live calls). Thread-safe: the B2BUA adds and
/// removes from its call contexts while API threads query. Call ids are unique and increasing for the life of the
/// process, starting at 1 (VOS3000 callId is an int, 001_… §3.21).
/// </summary>
public sealed class CallRegistry
{
    private readonly ConcurrentDictionary<long, Call> _calls = new();
    private readonly TimeProvider _time;
    private readonly CallEvents _events;
    private long _lastCallId;

    public CallRegistry(TimeProvider time, CallEvents events)
    {
        _time = time;
        _events = events;
    }

    /// <summary>The number of live calls: GetPerformance callSize (001_… §3.57).</summary>
    public int Count => _calls.Count;

    public CallEvents Events => _events;

    public long NextCallId() => Interlocked.Increment(ref _lastCallId);

    /// <summary>Creates a call in state Authorising with the next call id, registers it and reports it (-18).</summary>
    public Call Create(CallSetup setup)
    {
        var call = new Call(NextCallId(), setup, _time, _events);
        Add(call);
        return call;
    }

    /// <summary>Registers a call built elsewhere; false if its id is already live.</summary>
    public bool Add(Call call)
    {
        ArgumentNullException.ThrowIfNull(call);
        if (!_calls.TryAdd(call.CallId, call))
        {
            return false;
        }
        _events.Publish(call.CreatedReport());
        return true;
    }

    /// <summary>Removes and returns the call, or null if it was not live.</summary>
    public Call? Remove(long callId) => _calls.TryRemove(callId, out var call) ? call : null;

    public Call? Find(long callId) => _calls.GetValueOrDefault(callId);

    /// <summary>Snapshots of the live calls that match, in call id order.</summary>
    public IReadOnlyList<CallSnapshot> Query(CallQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        return _calls.Values
            .Select(c => c.Snapshot)
            .Where(query.Matches)
            .OrderBy(s => s.CallId)
            .ToArray();
    }
}
