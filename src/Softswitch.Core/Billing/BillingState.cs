using System.Collections.Concurrent;
using Softswitch.Core.Store;

namespace Softswitch.Core.Billing;

/// <summary>
/// The in-memory billing tables: fee-rate groups with one immutable <see cref="FeeRateTable"/> each (swapped whole on
/// a write, read lock-free by rating), suites, orders, suites in force and cards. Writes happen inside the shared
/// write gate of <see cref="Management.DirectoryState"/>, after the store accepted them.
/// </summary>
public sealed class BillingState : IDisposable
{
    private readonly ConcurrentDictionary<string, FeeRateGroup> _groups = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, FeeRateTable> _rates = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<long, Suite> _suites = new();
    private readonly ConcurrentDictionary<long, SuiteOrder> _orders = new();
    private readonly ConcurrentDictionary<long, CurrentSuite> _currentSuites = new();
    private readonly ConcurrentDictionary<string, ActivePhoneCard> _activeCards = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, PhoneCard> _phoneCards = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _loadGate = new(1, 1);
    private IReadOnlyDictionary<string, decimal> _committed = new Dictionary<string, decimal>();
    private int _loaded;

    public BillingState(IBillingStore store)
    {
        Store = store;
    }

    public IBillingStore Store { get; }

    public bool IsLoaded => Volatile.Read(ref _loaded) == 1;

    /// <summary>
    /// Money the account's live connected calls have used so far and not yet been charged (as of the last
    /// <see cref="PrepaidMonitor"/> tick); admission spends only what is left (docs/billing.md "Parallel calls").
    /// </summary>
    public decimal CommittedOf(string account) => Volatile.Read(ref _committed).GetValueOrDefault(account);

    /// <summary>Replaces the committed amounts as a whole (the monitor's tick).</summary>
    internal void SetCommitted(IReadOnlyDictionary<string, decimal> committed) => Volatile.Write(ref _committed, committed);

    public ICollection<FeeRateGroup> FeeRateGroups => _groups.Values;

    public ICollection<Suite> Suites => _suites.Values;

    public ICollection<SuiteOrder> SuiteOrders => _orders.Values;

    public ICollection<CurrentSuite> CurrentSuites => _currentSuites.Values;

    public ICollection<ActivePhoneCard> ActivePhoneCards => _activeCards.Values;

    /// <summary>Fills memory from the store once; later calls do nothing.</summary>
    public async Task LoadAsync(CancellationToken cancellationToken = default)
    {
        if (IsLoaded)
        {
            return;
        }
        await _loadGate.WaitAsync(cancellationToken);
        try
        {
            if (IsLoaded)
            {
                return;
            }
            foreach (var group in await Store.LoadFeeRateGroupsAsync(cancellationToken))
            {
                _groups[group.Name] = group;
                _rates[group.Name] = FeeRateTable.Empty;
            }
            foreach (var rates in (await Store.LoadFeeRatesAsync(cancellationToken)).GroupBy(r => r.FeeRateGroup, StringComparer.Ordinal))
            {
                _rates[rates.Key] = FeeRateTable.From(rates);
            }
            foreach (var suite in await Store.LoadSuitesAsync(cancellationToken))
            {
                _suites[suite.Id] = suite;
            }
            foreach (var order in await Store.LoadSuiteOrdersAsync(cancellationToken))
            {
                _orders[order.Id] = order;
            }
            foreach (var current in await Store.LoadCurrentSuitesAsync(cancellationToken))
            {
                _currentSuites[current.Id] = current;
            }
            foreach (var card in await Store.LoadActivePhoneCardsAsync(cancellationToken))
            {
                _activeCards[card.Pin] = card;
            }
            foreach (var card in await Store.LoadPhoneCardsAsync(cancellationToken))
            {
                _phoneCards[card.Pin] = card;
            }
            Volatile.Write(ref _loaded, 1);
        }
        finally
        {
            _loadGate.Release();
        }
    }

    public FeeRateGroup? FindFeeRateGroup(string name) => _groups.GetValueOrDefault(name);

    /// <summary>The rates of a group (empty for an unknown group): the table the engine rates calls with.</summary>
    public FeeRateTable RatesOf(string group) => _rates.GetValueOrDefault(group) ?? FeeRateTable.Empty;

    public Suite? FindSuite(long id) => _suites.GetValueOrDefault(id);

    public SuiteOrder? FindSuiteOrder(long id) => _orders.GetValueOrDefault(id);

    public CurrentSuite? FindCurrentSuite(long id) => _currentSuites.GetValueOrDefault(id);

    public ActivePhoneCard? FindActivePhoneCard(string pin) => _activeCards.GetValueOrDefault(pin);

    public PhoneCard? FindPhoneCard(string pin) => _phoneCards.GetValueOrDefault(pin);

    /// <summary>The pin of an unused recharge card that would give <paramref name="group"/> to its account, if any.</summary>
    public string? UnusedPhoneCardNaming(string group) =>
        _phoneCards.Values.FirstOrDefault(c => c.UsedTime is null && c.FeeRateGroup == group)?.Pin;

    public void Dispose() => _loadGate.Dispose();

    internal void PutFeeRateGroup(FeeRateGroup group)
    {
        _groups[group.Name] = group;
        _rates.TryAdd(group.Name, FeeRateTable.Empty);
    }

    internal void RemoveFeeRateGroup(string name)
    {
        _groups.TryRemove(name, out _);
        _rates.TryRemove(name, out _);
    }

    internal void PutRates(string group, FeeRateTable table) => _rates[group] = table;

    internal void PutSuite(Suite suite) => _suites[suite.Id] = suite;

    internal void RemoveSuite(long id)
    {
        _suites.TryRemove(id, out _);
        foreach (var order in _orders.Values.Where(o => o.SuiteId == id))
        {
            _orders.TryRemove(order.Id, out _);
        }
        foreach (var current in _currentSuites.Values.Where(c => c.Suite.Id == id))
        {
            _currentSuites.TryRemove(current.Id, out _);
        }
    }

    internal void PutSuiteOrder(SuiteOrder order) => _orders[order.Id] = order;

    internal void RemoveSuiteOrder(long id) => _orders.TryRemove(id, out _);

    internal void PutCurrentSuite(CurrentSuite current) => _currentSuites[current.Id] = current;

    internal void RemoveCurrentSuite(long id) => _currentSuites.TryRemove(id, out _);

    internal void PutActivePhoneCard(ActivePhoneCard card) => _activeCards[card.Pin] = card;

    internal void RemoveActivePhoneCard(string pin) => _activeCards.TryRemove(pin, out _);

    internal void PutPhoneCard(PhoneCard card) => _phoneCards[card.Pin] = card;
}
