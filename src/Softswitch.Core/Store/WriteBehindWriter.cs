using System.Threading.Channels;

namespace Softswitch.Core.Store;

/// <summary>
/// The loop of a write-behind writer (registrations, the live-call journal): the owner notes changes under its own
/// lock and calls <see cref="Wake"/>; the loop takes everything noted so far as one batch (<see cref="TryTake"/>),
/// writes it (<see cref="WriteAsync"/>, one transaction), and goes on until nothing is left, then waits for the next
/// wake-up. So the caller never waits on the disk, and under load batches grow by themselves. A failed batch is given
/// back (<see cref="PutBack"/>: changes noted since are newer and win) and retried after the retry delay.
/// <see cref="StopAsync"/> returns once everything noted before it is written.
/// </summary>
public abstract class WriteBehindWriter<TBatch> : IDisposable
{
    private readonly TimeProvider _time;
    private readonly TimeSpan _retryDelay;
    private readonly Channel<bool> _wake = Channel.CreateBounded<bool>(new BoundedChannelOptions(1)
    {
        FullMode = BoundedChannelFullMode.DropWrite,
        SingleReader = true,
    });
    private readonly CancellationTokenSource _abandon = new();
    private Task _loop = Task.CompletedTask;
    private long _written;
    private long _failures;
    private long _lost;

    protected WriteBehindWriter(TimeProvider time, TimeSpan retryDelay)
    {
        ArgumentNullException.ThrowIfNull(time);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(retryDelay, TimeSpan.Zero);
        _time = time;
        _retryDelay = retryDelay;
    }

    /// <summary>Rows written since start (as <see cref="Size"/> counts them).</summary>
    public long Written => Interlocked.Read(ref _written);

    /// <summary>Batch writes that failed (each was retried).</summary>
    public long WriteFailures => Interlocked.Read(ref _failures);

    /// <summary>Rows given up because the store still failed when the stop deadline passed.</summary>
    public long Lost => Interlocked.Read(ref _lost);

    /// <summary>The last write failure, for diagnostics (Core has no logger; the host reports it).</summary>
    public Exception? LastError { get; private set; }

    public virtual void Start() => _loop = Task.Run(RunAsync, CancellationToken.None);

    /// <summary>
    /// Stops taking wake-ups and returns once everything noted before the call is written. Only if
    /// <paramref name="cancellationToken"/> fires while the store is failing is the rest given up (counted in
    /// <see cref="Lost"/>); a healthy drain is never cut short.
    /// </summary>
    public virtual async Task StopAsync(CancellationToken cancellationToken = default)
    {
        _wake.Writer.TryComplete();
        using (cancellationToken.Register(() => _abandon.Cancel()))
        {
            await _loop.ConfigureAwait(false);
        }
    }

    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    protected virtual void Dispose(bool disposing)
    {
        if (disposing)
        {
            _abandon.Dispose();
        }
    }

    /// <summary>Wakes the loop (never blocks; wake-ups before the loop runs are merged).</summary>
    protected void Wake() => _wake.Writer.TryWrite(true);

    /// <summary>Takes everything noted so far, under the owner's lock; false when nothing is pending.</summary>
    protected abstract bool TryTake(out TBatch batch);

    /// <summary>Writes one batch in one transaction.</summary>
    protected abstract Task WriteAsync(TBatch batch);

    /// <summary>Gives a failed batch back to the pending changes; a change noted since is newer and wins.</summary>
    protected abstract void PutBack(TBatch batch);

    /// <summary>The rows a batch counts for in <see cref="Written"/> and <see cref="Lost"/>.</summary>
    protected abstract int Size(TBatch batch);

    private async Task RunAsync()
    {
        // WaitToReadAsync answers false only once stopped and no wake-up is left; the last drain catches changes
        // noted between the final wake-up and the stop.
        while (await _wake.Reader.WaitToReadAsync(CancellationToken.None).ConfigureAwait(false))
        {
            _wake.Reader.TryRead(out _);
            await DrainAsync().ConfigureAwait(false);
        }
        await DrainAsync().ConfigureAwait(false);
    }

    /// <summary>Writes batches until nothing is pending, retrying a failed batch after the retry delay.</summary>
    private async Task DrainAsync()
    {
        while (TryTake(out var batch))
        {
            try
            {
                await WriteAsync(batch).ConfigureAwait(false);
                Interlocked.Add(ref _written, Size(batch));
                continue;
            }
            catch (Exception ex)
            {
                LastError = ex;
                Interlocked.Increment(ref _failures);
            }
            if (_abandon.IsCancellationRequested)
            {
                Interlocked.Add(ref _lost, Size(batch));
                return;
            }
            PutBack(batch);
            try
            {
                await Task.Delay(_retryDelay, _time, _abandon.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                // Stop deadline passed while waiting: one last attempt is made by the loop above.
            }
        }
    }
}
