using System.Security.Cryptography;
using System.Threading.Channels;
using Softswitch.Core.Calls;
using Softswitch.Core.Cdrs;

namespace Softswitch.Core.Journal;

/// <summary>
/// Journals connected calls behind the SIP path (docs/crash-recovery.md), as <see cref="Registrations.RegistrationWriter"/>
/// does for registrations: <see cref="Answered"/> and <see cref="Ended"/> only note the change and wake the writer,
/// which writes every change noted so far in one transaction, so a call never waits on the disk. While calls are
/// journalled, a heartbeat (this process's last known-alive time, the stop time of recovered calls) is written every
/// <c>heartbeat</c>. A call's row is removed by the CDR writer in the transaction that writes its CDR (both keyed by
/// <see cref="Cdr.CallKey"/>), so a crash keeps either the row or the CDR, and a replay can never write a second CDR.
/// What a kill -9 can lose is the batch being written and what was noted since (milliseconds of answers).
/// </summary>
public sealed class CallJournal : IDisposable
{
    private readonly ICallJournalStore _store;
    private readonly TimeProvider _time;
    private readonly TimeSpan _heartbeat;
    private readonly TimeSpan _retryDelay;
    private readonly Lock _lock = new();
    private readonly Channel<bool> _wake = Channel.CreateBounded<bool>(new BoundedChannelOptions(1)
    {
        FullMode = BoundedChannelFullMode.DropWrite,
        SingleReader = true,
    });
    private readonly CancellationTokenSource _stopping = new();
    private readonly CancellationTokenSource _abandon = new();
    private Dictionary<string, JournalledCall> _pending = [];
    private int _live;
    private bool _heartbeatDue;
    private Task _loop = Task.CompletedTask;
    private Task _ticker = Task.CompletedTask;
    private long _written;
    private long _failures;
    private long _lost;

    public CallJournal(ICallJournalStore store, TimeProvider time, TimeSpan heartbeat, TimeSpan retryDelay)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(heartbeat, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(retryDelay, TimeSpan.Zero);
        _store = store;
        _time = time;
        _heartbeat = heartbeat;
        _retryDelay = retryDelay;
    }

    /// <summary>This process's id in the journal: recovery replays only rows of other (earlier) processes.</summary>
    public string BootId { get; } = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));

    /// <summary>Calls journalled and not yet ended.</summary>
    public int Live => Volatile.Read(ref _live);

    /// <summary>Changes noted and not yet written.</summary>
    public int Pending
    {
        get
        {
            lock (_lock)
            {
                return _pending.Count;
            }
        }
    }

    /// <summary>Batches written (calls and heartbeat) since start.</summary>
    public long Written => Interlocked.Read(ref _written);

    public long WriteFailures => Interlocked.Read(ref _failures);

    /// <summary>Calls given up because the store still failed when the stop deadline passed.</summary>
    public long Lost => Interlocked.Read(ref _lost);

    public Exception? LastError { get; private set; }

    /// <summary>
    /// A call was answered: gives it its journal key (<see cref="Call.JournalKey"/>, later its CDR's callKey) and notes
    /// it with the CDR so far and <paramref name="legs"/> (what a BYE on each side needs). Called from the call's
    /// serialized context; never waits.
    /// </summary>
    public void Answered(Call call, IReadOnlyList<JournalledDialog> legs)
    {
        ArgumentNullException.ThrowIfNull(call);
        ArgumentNullException.ThrowIfNull(legs);
        var snapshot = call.Snapshot;
        string key = BootId + "-" + snapshot.CallId.ToString(System.Globalization.CultureInfo.InvariantCulture);
        call.JournalKey = key;
        var entry = new JournalledCall
        {
            Key = key,
            BootId = BootId,
            ConnectedAt = snapshot.ConnectTime ?? _time.GetUtcNow(),
            Cdr = CdrMapper.FromCall(snapshot) with { CallKey = key },
            Legs = legs,
        };
        lock (_lock)
        {
            _pending[key] = entry;
            _live++;
        }
        _wake.Writer.TryWrite(true);
    }

    /// <summary>
    /// The call's CDR is queued: an answer not yet written is dropped; a written row is deleted with the CDR
    /// (<see cref="SqliteCdrStore"/>).
    /// </summary>
    public void Ended(string key)
    {
        lock (_lock)
        {
            _pending.Remove(key);
            _live--;
        }
    }

    public void Start()
    {
        _loop = Task.Run(RunAsync, CancellationToken.None);
        // Created here, not in the task, so the first period starts now (a fake clock advanced right after sees it).
        var timer = new PeriodicTimer(_heartbeat, _time);
        _ticker = Task.Run(() => TickAsync(timer), CancellationToken.None);
    }

    /// <summary>
    /// Stops the heartbeat and returns once every answer noted before the call is written. Only if
    /// <paramref name="cancellationToken"/> fires while the store is failing are the rest given up (<see cref="Lost"/>).
    /// </summary>
    public async Task StopAsync(CancellationToken cancellationToken = default)
    {
        await _stopping.CancelAsync().ConfigureAwait(false);
        await _ticker.ConfigureAwait(false);
        _wake.Writer.TryComplete();
        using (cancellationToken.Register(() => _abandon.Cancel()))
        {
            await _loop.ConfigureAwait(false);
        }
    }

    public void Dispose()
    {
        _stopping.Dispose();
        _abandon.Dispose();
    }

    private async Task TickAsync(PeriodicTimer timer)
    {
        using var owned = timer;
        try
        {
            while (await timer.WaitForNextTickAsync(_stopping.Token).ConfigureAwait(false))
            {
                if (Live > 0)
                {
                    lock (_lock)
                    {
                        _heartbeatDue = true;
                    }
                    _wake.Writer.TryWrite(true);
                }
            }
        }
        catch (OperationCanceledException)
        {
            // Stopped.
        }
    }

    private async Task RunAsync()
    {
        while (await _wake.Reader.WaitToReadAsync(CancellationToken.None).ConfigureAwait(false))
        {
            _wake.Reader.TryRead(out _);
            await DrainAsync().ConfigureAwait(false);
        }
        await DrainAsync().ConfigureAwait(false);
    }

    private async Task DrainAsync()
    {
        while (true)
        {
            Dictionary<string, JournalledCall> calls;
            lock (_lock)
            {
                if (_pending.Count == 0 && !_heartbeatDue)
                {
                    return;
                }
                (calls, _pending) = (_pending, []);
                _heartbeatDue = false;
            }
            try
            {
                // Every write also says the process was alive then.
                await _store.SaveAsync(calls.Values, BootId, _time.GetUtcNow(), CancellationToken.None).ConfigureAwait(false);
                Interlocked.Increment(ref _written);
                continue;
            }
            catch (Exception ex)
            {
                LastError = ex;
                Interlocked.Increment(ref _failures);
            }
            if (_abandon.IsCancellationRequested)
            {
                Interlocked.Add(ref _lost, calls.Count);
                return;
            }
            lock (_lock)
            {
                foreach (var (key, call) in calls)
                {
                    _pending.TryAdd(key, call);
                }
                _heartbeatDue = true;
            }
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
