using System.Threading.Channels;

namespace Softswitch.Core.Pushes;

/// <summary>
/// Delivers stored pushes (001_… §4) through <see cref="IPushTransport"/>: push.concurrency workers take lanes from
/// a ready queue, send the lane's oldest push, and put the lane back at the end of the queue while it has more, so
/// lanes share the workers fairly and each lane stays in order. There is one receiver (OUT_POST_URL, §4.1), so a
/// failure pauses every worker: the back-off starts at push.retryInitialDelay, doubles with each failure after the
/// pause ends, is capped at push.retryMaxDelay and resets on the first success. A push older than push.maxAge is
/// dropped (counted in <see cref="PushStats.Expired"/>) when its turn comes instead of being sent.
/// </summary>
internal sealed class PushDispatcher
{
    private readonly IPushStore _store;
    private readonly IPushTransport _transport;
    private readonly PushOptions _options;
    private readonly PushStats _stats;
    private readonly TimeProvider _time;
    private readonly Dictionary<string, PushLane> _lanes = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();
    private readonly Channel<PushLane> _ready = Channel.CreateUnbounded<PushLane>();
    private readonly Lock _backoffLock = new();
    private Task _pause = Task.CompletedTask; // the current back-off pause; completed when none is running
    private int _failuresInRow;

    public PushDispatcher(IPushStore store, IPushTransport transport, PushOptions options, PushStats stats, TimeProvider time)
    {
        _store = store;
        _transport = transport;
        _options = options;
        _stats = stats;
        _time = time;
    }

    /// <summary>Queues a stored push at the end of its lane.</summary>
    public void Add(StoredPush push)
    {
        lock (_lock)
        {
            if (!_lanes.TryGetValue(push.Lane, out var lane))
            {
                lane = new PushLane(push.Lane);
                _lanes[push.Lane] = lane;
            }
            lane.Items.Enqueue(push);
            _stats.AddPending(1);
            if (!lane.Scheduled)
            {
                lane.Scheduled = true;
                _ready.Writer.TryWrite(lane);
            }
        }
    }

    /// <summary>Runs the workers until <paramref name="cancellationToken"/> fires; pushes in flight stay stored.</summary>
    public Task RunAsync(CancellationToken cancellationToken) =>
        Task.WhenAll(Enumerable.Range(0, _options.Concurrency).Select(_ => Task.Run(() => WorkAsync(cancellationToken), CancellationToken.None)));

    private async Task WorkAsync(CancellationToken cancellationToken)
    {
        try
        {
            while (await _ready.Reader.WaitToReadAsync(cancellationToken))
            {
                if (!_ready.Reader.TryRead(out var lane))
                {
                    continue;
                }
                StoredPush? head;
                lock (_lock)
                {
                    lane.Items.TryPeek(out head);
                }
                if (head is not null)
                {
                    await SettleAsync(head, cancellationToken);
                    lock (_lock)
                    {
                        lane.Items.Dequeue();
                        _stats.AddPending(-1);
                    }
                }
                lock (_lock)
                {
                    if (lane.Items.Count == 0)
                    {
                        lane.Scheduled = false;
                        _lanes.Remove(lane.Name);
                    }
                    else
                    {
                        _ready.Writer.TryWrite(lane);
                    }
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Stopping: the push in flight is still stored and is sent again after the restart (at-least-once).
        }
    }

    /// <summary>Returns once <paramref name="push"/> is delivered, rejected or expired, and removed from the store.</summary>
    private async Task SettleAsync(StoredPush push, CancellationToken cancellationToken)
    {
        while (true)
        {
            await WaitOutPauseAsync(cancellationToken);
            long age = _time.GetUtcNow().ToUnixTimeMilliseconds() - push.CreatedAt;
            if (age > (long)_options.MaxAge.TotalMilliseconds)
            {
                _stats.OnExpired();
                await DeleteAsync(push);
                return;
            }
            _stats.OnAttempt();
            PushSendResult result;
            try
            {
                result = await _transport.SendAsync(push, cancellationToken);
            }
            catch (Exception) when (!cancellationToken.IsCancellationRequested)
            {
                result = PushSendResult.Retry; // a transport bug must not lose the push or stop the worker
            }
            cancellationToken.ThrowIfCancellationRequested();
            switch (result)
            {
                case PushSendResult.Delivered:
                    ResetBackoff();
                    _stats.OnDelivered();
                    await DeleteAsync(push);
                    return;
                case PushSendResult.Rejected:
                    ResetBackoff();
                    _stats.OnRejected();
                    await DeleteAsync(push);
                    return;
                default:
                    // Pause first, then count: whoever sees the failure counted (metrics, tests driving the clock)
                    // must also see the pause it started, measured from the moment the attempt failed.
                    BackOff(cancellationToken);
                    _stats.OnFailure();
                    break;
            }
        }
    }

    private async Task WaitOutPauseAsync(CancellationToken cancellationToken)
    {
        // Loop: a worker whose request was in flight when the pause ended may have started the next one meanwhile.
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested(); // a pause cancelled by the stop is complete, not over
            Task pause;
            lock (_backoffLock)
            {
                pause = _pause;
            }
            if (pause.IsCompleted)
            {
                return;
            }
            await pause.WaitAsync(cancellationToken);
        }
    }

    /// <summary>
    /// Starts the pause's timer at the failure itself, not when a worker next looks at it: a delay computed later
    /// from a deadline and a fresh reading of the clock runs long by whatever time passed in between. Failures of
    /// workers that were all sent during the same pause count once, so the delay doubles per round.
    /// </summary>
    private void BackOff(CancellationToken cancellationToken)
    {
        lock (_backoffLock)
        {
            if (!_pause.IsCompleted)
            {
                return;
            }
            int exponent = Math.Min(_failuresInRow, 30);
            _failuresInRow++;
            double ms = Math.Min(
                _options.RetryInitialDelay.TotalMilliseconds * Math.Pow(2, exponent),
                _options.RetryMaxDelay.TotalMilliseconds);
            _pause = Task.Delay(TimeSpan.FromMilliseconds(ms), _time, cancellationToken);
        }
    }

    private void ResetBackoff()
    {
        lock (_backoffLock)
        {
            _failuresInRow = 0;
        }
    }

    private async Task DeleteAsync(StoredPush push)
    {
        try
        {
            // Not cancellable: a push that was settled must leave the store even while stopping.
            await _store.DeleteAsync(push.Seq, CancellationToken.None);
        }
        catch (Exception)
        {
            // Kept in the store, so it is sent again after a restart: a duplicate, which the idempotency key covers.
            _stats.OnStoreFailure();
        }
    }
}
