using Softswitch.Core.Billing;

namespace Softswitch.Core.Cdrs;

/// <summary>
/// Moves CDRs from <see cref="CdrQueue"/> to <see cref="ICdrStore"/> in batches, one transaction each
/// (docs/architecture.md). A failed batch is kept and retried, so a busy or briefly unavailable database delays CDRs
/// but loses none. <see cref="StopAsync"/> closes the queue and returns once everything accepted before it is written
/// (run contract, docs/architecture.md: SIGTERM flushes CDRs); the host stops it after the SIP engine has ended the
/// calls.
/// </summary>
public sealed class CdrWriter : IDisposable
{
    private readonly CdrQueue _queue;
    private readonly ICdrStore _store;
    private readonly CdrQueueOptions _options;
    private readonly TimeProvider _time;
    private readonly CallBilling? _billing;
    private readonly CancellationTokenSource _abandon = new();
    private Task _loop = Task.CompletedTask;
    private long _written;
    private long _batches;
    private long _failures;
    private long _lost;

    /// <param name="billing">Rates and charges each batch in its own transaction; without it CDRs are written as they came.</param>
    public CdrWriter(CdrQueue queue, ICdrStore store, CdrQueueOptions options, TimeProvider time, CallBilling? billing = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.BatchSize, 1);
        _queue = queue;
        _store = store;
        _options = options;
        _time = time;
        _billing = billing;
    }

    public long Written => Interlocked.Read(ref _written);

    public long Batches => Interlocked.Read(ref _batches);

    /// <summary>Batch writes that failed (each was retried).</summary>
    public long WriteFailures => Interlocked.Read(ref _failures);

    /// <summary>CDRs given up because the store still failed when the stop deadline passed.</summary>
    public long Lost => Interlocked.Read(ref _lost);

    /// <summary>The last write failure, for diagnostics (Core has no logger; the host reports it).</summary>
    public Exception? LastError { get; private set; }

    public Task StartAsync(CancellationToken cancellationToken = default)
    {
        _loop = Task.Run(RunAsync, CancellationToken.None);
        return Task.CompletedTask;
    }

    /// <summary>
    /// Closes the queue and waits for it to drain. Only if <paramref name="cancellationToken"/> fires while the store
    /// is failing are the remaining CDRs given up (counted in <see cref="Lost"/>); a healthy drain is never cut short.
    /// </summary>
    public async Task StopAsync(CancellationToken cancellationToken = default)
    {
        _queue.Complete();
        using (cancellationToken.Register(() => _abandon.Cancel()))
        {
            await _loop;
        }
    }

    public void Dispose() => _abandon.Dispose();

    private async Task RunAsync()
    {
        var reader = _queue.Reader;
        var batch = new List<Cdr>(_options.BatchSize);
        // WaitToReadAsync answers false only once the queue is closed and empty: the loop is the drain.
        while (await reader.WaitToReadAsync(CancellationToken.None))
        {
            while (batch.Count < _options.BatchSize && reader.TryRead(out var cdr))
            {
                batch.Add(cdr);
            }
            await WriteAsync(batch);
            batch.Clear();
        }
    }

    private async Task WriteAsync(List<Cdr> batch)
    {
        while (true)
        {
            try
            {
                if (_billing is null)
                {
                    await _store.InsertBatchAsync(batch, CancellationToken.None);
                }
                else
                {
                    await _billing.WriteAsync(batch, _store, CancellationToken.None);
                }
                Interlocked.Add(ref _written, batch.Count);
                Interlocked.Increment(ref _batches);
                return;
            }
            catch (Exception ex) when (!_abandon.IsCancellationRequested)
            {
                LastError = ex;
                Interlocked.Increment(ref _failures);
            }
            catch (Exception ex)
            {
                LastError = ex;
                Interlocked.Increment(ref _failures);
                Interlocked.Add(ref _lost, batch.Count);
                return;
            }
            try
            {
                await Task.Delay(_options.RetryDelay, _time, _abandon.Token);
            }
            catch (OperationCanceledException)
            {
                // Stop deadline passed while retrying: one last attempt is made by the loop above.
            }
        }
    }
}
