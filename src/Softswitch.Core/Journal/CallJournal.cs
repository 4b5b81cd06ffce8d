using System.Security.Cryptography;
using Softswitch.Core.Calls;
using Softswitch.Core.Cdrs;
using Softswitch.Core.Store;

namespace Softswitch.Core.Journal;

/// <summary>
/// Journals connected calls behind the SIP path (docs/crash-recovery.md), as <see cref="Registrations.RegistrationWriter"/>
/// does for registrations (the loop is <see cref="WriteBehindWriter{TBatch}"/>): <see cref="Answered"/> and <see cref="Ended"/> only note the change and wake the writer,
/// which writes every change noted so far in one transaction, so a call never waits on the disk. While calls are
/// journalled, a heartbeat (this process's last known-alive time, the stop time of recovered calls) is written every
/// <c>heartbeat</c>. A call's row is removed by the CDR writer in the transaction that writes its CDR (both keyed by
/// <see cref="Cdr.CallKey"/>), so a crash keeps either the row or the CDR, and a replay can never write a second CDR.
/// What a kill -9 can lose is the batch being written and what was noted since (milliseconds of answers).
/// </summary>
public sealed class CallJournal : WriteBehindWriter<Dictionary<string, JournalledCall>>
{
    private readonly ICallJournalStore _store;
    private readonly TimeProvider _time;
    private readonly TimeSpan _heartbeat;
    private readonly Lock _lock = new();
    private readonly CancellationTokenSource _stopping = new();
    private Dictionary<string, JournalledCall> _pending = [];
    private int _live;
    private bool _heartbeatDue;
    private Task _ticker = Task.CompletedTask;

    public CallJournal(ICallJournalStore store, TimeProvider time, TimeSpan heartbeat, TimeSpan retryDelay)
        : base(time, retryDelay)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(heartbeat, TimeSpan.Zero);
        _store = store;
        _time = time;
        _heartbeat = heartbeat;
    }

    /// <summary>This process's id in the journal: recovery replays only rows of other (earlier) processes.</summary>
    public string BootId { get; } = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));

    /// <summary>Calls journalled and not yet ended.</summary>
    public int Live => Volatile.Read(ref _live);

    /// <summary>Answers noted and not yet written.</summary>
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
        Wake();
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

    public override void Start()
    {
        base.Start();
        // Created here, not in the task, so the first period starts now (a fake clock advanced right after sees it).
        var timer = new PeriodicTimer(_heartbeat, _time);
        _ticker = Task.Run(() => TickAsync(timer), CancellationToken.None);
    }

    /// <summary>Stops the heartbeat, then drains (<see cref="WriteBehindWriter{TBatch}.StopAsync"/>).</summary>
    public override async Task StopAsync(CancellationToken cancellationToken = default)
    {
        await _stopping.CancelAsync().ConfigureAwait(false);
        await _ticker.ConfigureAwait(false);
        await base.StopAsync(cancellationToken).ConfigureAwait(false);
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _stopping.Dispose();
        }
        base.Dispose(disposing);
    }

    /// <summary>The pending answers (possibly none: a heartbeat alone is a batch too).</summary>
    protected override bool TryTake(out Dictionary<string, JournalledCall> batch)
    {
        lock (_lock)
        {
            if (_pending.Count == 0 && !_heartbeatDue)
            {
                batch = [];
                return false;
            }
            (batch, _pending) = (_pending, []);
            _heartbeatDue = false;
            return true;
        }
    }

    /// <summary>Every write also says the process was alive then.</summary>
    protected override Task WriteAsync(Dictionary<string, JournalledCall> batch) =>
        _store.SaveAsync(batch.Values, BootId, _time.GetUtcNow(), CancellationToken.None);

    protected override void PutBack(Dictionary<string, JournalledCall> batch)
    {
        lock (_lock)
        {
            foreach (var (key, call) in batch)
            {
                _pending.TryAdd(key, call);
            }
            _heartbeatDue = true;
        }
    }

    /// <summary>The calls, and the heartbeat row.</summary>
    protected override int Size(Dictionary<string, JournalledCall> batch) => batch.Count + 1;

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
                    Wake();
                }
            }
        }
        catch (OperationCanceledException)
        {
            // Stopped.
        }
    }
}
