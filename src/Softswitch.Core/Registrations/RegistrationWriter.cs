using Softswitch.Core.Gateways;
using Softswitch.Core.Store;
using RegistrationBatch = (
    System.Collections.Generic.Dictionary<(string E164, string ContactUri), Softswitch.Core.Registrations.RegistrationBinding?> Phones,
    System.Collections.Generic.Dictionary<(Softswitch.Core.Gateways.GatewayKind Kind, string Name), Softswitch.Core.Gateways.GatewayPresenceEntry?> Gateways);

namespace Softswitch.Core.Registrations;

/// <summary>
/// Writes registration changes to <see cref="IRegistrationStore"/> behind the SIP path (write-back, as Kamailio's
/// usrloc does in its write-back mode). A change is only noted (the binding's latest state, keyed by phone and contact
/// or by gateway) and the writer woken; the writer takes every change noted so far and writes it in one transaction,
/// then waits for the next. So a REGISTER never waits on the disk, a phone refreshing twice before a write costs
/// one row, memory is bounded by the number of bindings (not by the REGISTER rate), and under load batches grow by
/// themselves (the loop is <see cref="WriteBehindWriter{TBatch}"/>). What a kill -9 can lose is the batch being
/// written and what was noted since (milliseconds of changes); <see cref="StopAsync"/> returns only once every change noted before it is written, so a clean stop loses
/// nothing acknowledged. A failed write is kept (newer changes of the same key win) and retried.
/// </summary>
public sealed class RegistrationWriter
    : WriteBehindWriter<RegistrationBatch>, IRegistrationJournal
{
    private readonly IRegistrationStore _store;
    private readonly Lock _lock = new();
    private Dictionary<(string E164, string ContactUri), RegistrationBinding?> _phones = [];
    private Dictionary<(GatewayKind Kind, string Name), GatewayPresenceEntry?> _gateways = [];

    public RegistrationWriter(IRegistrationStore store, TimeProvider time, TimeSpan retryDelay)
        : base(time, retryDelay)
    {
        ArgumentNullException.ThrowIfNull(store);
        _store = store;
    }

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
        Note(_phones, (binding.E164, binding.ContactUri), binding);
    }

    public void PhoneUnbound(string e164, string contactUri) => Note(_phones, (e164, contactUri), null);

    public void GatewayBound(GatewayPresenceEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        Note(_gateways, (entry.Kind, entry.Name), entry);
    }

    public void GatewayUnbound(GatewayKind kind, string name) => Note(_gateways, (kind, name), null);

    /// <summary>Keeps only the latest state of one binding (null: removed) for the next batch, and wakes the writer.</summary>
    private void Note<TKey, TValue>(Dictionary<TKey, TValue?> pending, TKey key, TValue? value)
        where TKey : notnull
        where TValue : class
    {
        lock (_lock)
        {
            pending[key] = value;
        }
        Wake();
    }

    protected override bool TryTake(out RegistrationBatch batch)
    {
        lock (_lock)
        {
            if (_phones.Count == 0 && _gateways.Count == 0)
            {
                batch = default;
                return false;
            }
            batch = (_phones, _gateways);
            (_phones, _gateways) = ([], []);
            return true;
        }
    }

    protected override Task WriteAsync(RegistrationBatch batch) =>
        _store.SaveAsync(batch.Phones, batch.Gateways, CancellationToken.None);

    protected override void PutBack(RegistrationBatch batch)
    {
        lock (_lock)
        {
            foreach (var (key, value) in batch.Phones)
            {
                _phones.TryAdd(key, value);
            }
            foreach (var (key, value) in batch.Gateways)
            {
                _gateways.TryAdd(key, value);
            }
        }
    }

    protected override int Size(RegistrationBatch batch) =>
        batch.Phones.Count + batch.Gateways.Count;
}
