namespace Softswitch.Core.Pushes;

/// <summary>
/// Counters of the push path (001_… §4), thread-safe, for GetPerformance and metrics. Every push accepted by
/// <see cref="IPushPublisher.Publish"/> ends up in exactly one of Delivered, Rejected, Expired, BacklogFull or Lost, or is
/// still Pending (or queued); QueueFull pushes were never accepted.
/// </summary>
public sealed class PushStats
{
    private long _published;
    private long _queueFull;
    private long _backlogFull;
    private long _stored;
    private long _storeFailures;
    private long _attempts;
    private long _failures;
    private long _delivered;
    private long _rejected;
    private long _expired;
    private long _pending;
    private long _lost;

    /// <summary>Pushes accepted into the in-memory queue.</summary>
    public long Published => Interlocked.Read(ref _published);

    /// <summary>Pushes refused because the in-memory queue was full (the newest is dropped).</summary>
    public long QueueFull => Interlocked.Read(ref _queueFull);

    /// <summary>Pushes dropped before storing because push.maxPending were already waiting (the newest is dropped).</summary>
    public long BacklogFull => Interlocked.Read(ref _backlogFull);

    /// <summary>Pushes written to SQLite.</summary>
    public long Stored => Interlocked.Read(ref _stored);

    /// <summary>SQLite writes or deletes that failed (writes are retried; a failed delete may cause a duplicate).</summary>
    public long StoreFailures => Interlocked.Read(ref _storeFailures);

    /// <summary>HTTP requests made.</summary>
    public long Attempts => Interlocked.Read(ref _attempts);

    /// <summary>Requests that failed and will be retried (connection refused, timeout, 408, 429, 5xx).</summary>
    public long Failures => Interlocked.Read(ref _failures);

    /// <summary>Pushes the receiver accepted (2xx).</summary>
    public long Delivered => Interlocked.Read(ref _delivered);

    /// <summary>Pushes the receiver refused for good (4xx other than 408/429); dropped, not retried.</summary>
    public long Rejected => Interlocked.Read(ref _rejected);

    /// <summary>Pushes dropped because they were older than push.maxAge before they could be delivered.</summary>
    public long Expired => Interlocked.Read(ref _expired);

    /// <summary>Pushes given up at stop because the store still failed when the stop deadline passed.</summary>
    public long Lost => Interlocked.Read(ref _lost);

    /// <summary>Every push lost: QueueFull + BacklogFull + Rejected + Expired + Lost.</summary>
    public long Dropped => QueueFull + BacklogFull + Rejected + Expired + Lost;

    /// <summary>Stored pushes not yet delivered (the backlog).</summary>
    public long Pending => Interlocked.Read(ref _pending);

    internal void OnPublished() => Interlocked.Increment(ref _published);
    internal void OnQueueFull() => Interlocked.Increment(ref _queueFull);
    internal void OnBacklogFull(int count) => Interlocked.Add(ref _backlogFull, count);
    internal void OnStored(int count) => Interlocked.Add(ref _stored, count);
    internal void OnStoreFailure() => Interlocked.Increment(ref _storeFailures);
    internal void OnAttempt() => Interlocked.Increment(ref _attempts);
    internal void OnFailure() => Interlocked.Increment(ref _failures);
    internal void OnDelivered() => Interlocked.Increment(ref _delivered);
    internal void OnRejected() => Interlocked.Increment(ref _rejected);
    internal void OnExpired() => Interlocked.Increment(ref _expired);
    internal void OnLost(int count) => Interlocked.Add(ref _lost, count);
    internal void AddPending(long delta) => Interlocked.Add(ref _pending, delta);
}
