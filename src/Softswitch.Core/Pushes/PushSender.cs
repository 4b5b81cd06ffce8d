namespace Softswitch.Core.Pushes;

/// <summary>
/// The durable half of the push path (001_… §4): moves pushes from <see cref="PushQueue"/> into SQLite in batches
/// (one transaction each, off the call path), then hands them to the <see cref="PushDispatcher"/> that POSTs them.
/// At start it first loads every push a previous run left undelivered, in publishing order, so a restart loses
/// nothing and keeps each lane in order. Stopping stores everything still queued, then stops the workers; a push in
/// flight stays stored and is sent again by the next run (at-least-once: receivers dedup by Idempotency-Key).
/// Core has no logger: failures are counted in <see cref="PushStats"/> and the last one kept in <see cref="LastError"/>.
/// </summary>
public sealed class PushSender : IDisposable
{
    private readonly PushQueue _queue;
    private readonly IPushStore _store;
    private readonly PushOptions _options;
    private readonly TimeProvider _time;
    private readonly PushDispatcher _dispatcher;
    private readonly CancellationTokenSource _stopWorkers = new();
    private readonly CancellationTokenSource _abandon = new();
    private Task _writer = Task.CompletedTask;
    private Task _workers = Task.CompletedTask;

    public PushSender(PushQueue queue, IPushStore store, IPushTransport transport, PushOptions options, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(queue);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.BatchSize, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.Concurrency, 1);
        _queue = queue;
        _store = store;
        _options = options;
        _time = time;
        _dispatcher = new PushDispatcher(store, transport, options, queue.Stats, time);
    }

    public PushStats Stats => _queue.Stats;

    /// <summary>The last store failure, for the host to log.</summary>
    public Exception? LastError { get; private set; }

    /// <summary>Loads the stored backlog, then starts the writer and the workers. Does nothing when pushes are off.</summary>
    public async Task StartAsync(CancellationToken cancellationToken = default)
    {
        if (!_queue.Enabled)
        {
            return;
        }
        foreach (var push in await _store.LoadAllAsync(cancellationToken))
        {
            _dispatcher.Add(push);
        }
        _writer = Task.Run(WriteLoopAsync, CancellationToken.None);
        _workers = _dispatcher.RunAsync(_stopWorkers.Token);
    }

    /// <summary>
    /// Closes the queue and stores what it holds (given up only if <paramref name="cancellationToken"/> fires while
    /// the store is failing), then stops the workers.
    /// </summary>
    public async Task StopAsync(CancellationToken cancellationToken = default)
    {
        _queue.Complete();
        using (cancellationToken.Register(() => _abandon.Cancel()))
        {
            await _writer;
        }
        await _stopWorkers.CancelAsync();
        await _workers;
    }

    public void Dispose()
    {
        _stopWorkers.Dispose();
        _abandon.Dispose();
    }

    private async Task WriteLoopAsync()
    {
        var reader = _queue.Reader;
        var batch = new List<StoredPush>(_options.BatchSize);
        // WaitToReadAsync answers false only once the queue is closed and empty: the loop is the drain.
        while (await reader.WaitToReadAsync(CancellationToken.None))
        {
            long room = _options.MaxPending - Stats.Pending;
            while (batch.Count < _options.BatchSize && reader.TryRead(out var queued))
            {
                if (batch.Count >= room)
                {
                    Stats.OnBacklogFull(1); // bounded backlog: the newest push is the one dropped
                    continue;
                }
                batch.Add(ToStored(queued));
            }
            if (batch.Count == 0)
            {
                continue;
            }
            var stored = await InsertAsync(batch);
            foreach (var push in stored)
            {
                _dispatcher.Add(push);
            }
            batch.Clear();
        }
    }

    private static StoredPush ToStored(QueuedPush queued)
    {
        // Version 7: time-ordered, unique across restarts and nodes; fixed once stored, so every resend carries it.
        string key = Guid.CreateVersion7(DateTimeOffset.FromUnixTimeMilliseconds(queued.CreatedAt)).ToString("N");
        var message = queued.Message;
        return new StoredPush(0, key, message.Page, message.Lane, PushJson.Serialize(message.Body), queued.CreatedAt);
    }

    private async Task<IReadOnlyList<StoredPush>> InsertAsync(List<StoredPush> batch)
    {
        while (true)
        {
            try
            {
                var stored = await _store.InsertBatchAsync(batch, CancellationToken.None);
                Stats.OnStored(stored.Count);
                return stored;
            }
            catch (Exception ex)
            {
                LastError = ex;
                Stats.OnStoreFailure();
                if (_abandon.IsCancellationRequested)
                {
                    // Stop deadline passed with the store failing: these are lost, and counted as such.
                    Stats.OnLost(batch.Count);
                    return [];
                }
            }
            try
            {
                await Task.Delay(_options.RetryInitialDelay, _time, _abandon.Token);
            }
            catch (OperationCanceledException)
            {
                // Stop deadline passed while retrying: one last attempt is made above.
            }
        }
    }
}
