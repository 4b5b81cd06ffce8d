using System.Threading.Channels;
using Softswitch.Core.Gateways;

namespace Softswitch.Core.Registrations;

/// <summary>
/// Writes registration changes to <see cref="IRegistrationStore"/> behind the SIP path (write-back, as Kamailio's
/// usrloc does in its write-back mode). A change is only noted (the binding's latest state, keyed by phone and contact
/// or by gateway) and the writer woken; the writer takes every change noted so far and writes it in one transaction,
/// then waits for the next. So a REGISTER never waits on the disk, a phone refreshing twice before a write costs
/// one row, memory is bounded by the number of bindings (not by the REGISTER rate), and under load batches grow by
/// themselves. What a kill -9 can lose is the batch being written and what was noted since (milliseconds of
/// changes); <see cref="StopAsync"/> returns only once every change noted before it is written, so a clean stop loses
/// nothing acknowledged. A failed write is kept (newer changes of the same key win) and retried.
/// </summary>
public sealed class RegistrationWriter : IRegistrationJournal, IDisposable
{
    private readonly IRegistrationStore _store;
    private readonly TimeProvider _time;
    private readonly TimeSpan _retryDelay;
    private readonly Lock _lock = new();
    private readonly Channel<bool> _wake = Channel.CreateBounded<bool>(new BoundedChannelOptions(1)
    {
        FullMode = BoundedChannelFullMode.DropWrite,
        SingleReader = true,
    });
    private readonly CancellationTokenSource _abandon = new();
    private Dictionary<(string E164, string ContactUri), RegistrationBinding?> _phones = [];
    private Dictionary<(GatewayKind Kind, string Name), GatewayPresenceEntry?> _gateways = [];
    private Task _loop = Task.CompletedTask;
    private long _written;
    private long _failures;
    private long _lost;

    public RegistrationWriter(IRegistrationStore store, TimeProvider time, TimeSpan retryDelay)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(retryDelay, TimeSpan.Zero);
        _store = store;
        _time = time;
        _retryDelay = retryDelay;
    }

    /// <summary>Rows written (inserted, replaced or deleted) since start.</summary>
    public long Written => Interlocked.Read(ref _written);

    /// <summary>Batch writes that failed (each was retried).</summary>
    public long WriteFailures => Interlocked.Read(ref _failures);

    /// <summary>Changes given up because the store still failed when the stop deadline passed.</summary>
    public long Lost => Interlocked.Read(ref _lost);

    /// <summary>The last write failure, for diagnostics (Core has no logger; the host reports it).</summary>
    public Exception? LastError { get; private set; }

    /// <summary>Changes noted and not yet written.</summary>
    public int Pending
    {
        get
        {
            lock (_lock)
            {
                return _phones.Count + _gateways.Count;
            }
        }
    }

    public void PhoneBound(RegistrationBinding binding)
    {
        ArgumentNullException.ThrowIfNull(binding);
        lock (_lock)
        {
            _phones[(binding.E164, binding.ContactUri)] = binding;
        }
        _wake.Writer.TryWrite(true);
    }

    public void PhoneUnbound(string e164, string contactUri)
    {
        lock (_lock)
        {
            _phones[(e164, contactUri)] = null;
        }
        _wake.Writer.TryWrite(true);
    }

    public void GatewayBound(GatewayPresenceEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        lock (_lock)
        {
            _gateways[(entry.Kind, entry.Name)] = entry;
        }
        _wake.Writer.TryWrite(true);
    }

    public void GatewayUnbound(GatewayKind kind, string name)
    {
        lock (_lock)
        {
            _gateways[(kind, name)] = null;
        }
        _wake.Writer.TryWrite(true);
    }

    public void Start() => _loop = Task.Run(RunAsync, CancellationToken.None);

    /// <summary>
    /// Stops taking wake-ups and returns once every change noted before the call is written. Only if
    /// <paramref name="cancellationToken"/> fires while the store is failing are the remaining changes given up
    /// (counted in <see cref="Lost"/>); a healthy drain is never cut short.
    /// </summary>
    public async Task StopAsync(CancellationToken cancellationToken = default)
    {
        _wake.Writer.TryComplete();
        using (cancellationToken.Register(() => _abandon.Cancel()))
        {
            await _loop.ConfigureAwait(false);
        }
    }

    public void Dispose() => _abandon.Dispose();

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
        while (true)
        {
            Dictionary<(string, string), RegistrationBinding?> phones;
            Dictionary<(GatewayKind, string), GatewayPresenceEntry?> gateways;
            lock (_lock)
            {
                if (_phones.Count == 0 && _gateways.Count == 0)
                {
                    return;
                }
                (phones, _phones) = (_phones, []);
                (gateways, _gateways) = (_gateways, []);
            }
            try
            {
                await _store.SaveAsync(phones, gateways, CancellationToken.None).ConfigureAwait(false);
                Interlocked.Add(ref _written, phones.Count + gateways.Count);
                continue;
            }
            catch (Exception ex)
            {
                LastError = ex;
                Interlocked.Increment(ref _failures);
            }
            if (_abandon.IsCancellationRequested)
            {
                Interlocked.Add(ref _lost, phones.Count + gateways.Count);
                return;
            }
            PutBack(phones, gateways);
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

    /// <summary>Returns a failed batch to the pending changes; a change noted since is newer and wins.</summary>
    private void PutBack(
        Dictionary<(string, string), RegistrationBinding?> phones,
        Dictionary<(GatewayKind, string), GatewayPresenceEntry?> gateways)
    {
        lock (_lock)
        {
            foreach (var (key, value) in phones)
            {
                _phones.TryAdd(key, value);
            }
            foreach (var (key, value) in gateways)
            {
                _gateways.TryAdd(key, value);
            }
        }
    }
}
