using System.Collections.Concurrent;
using System.Collections.Frozen;
using Softswitch.Core.Store;

namespace Softswitch.Core.Numbers;

/// <summary>
/// The in-memory number tables (groups, conversions, mobile areas, phone books, bound numbers) and the lookups the
/// engine uses. Lock-free dictionaries for readers; writes happen inside the shared write gate of
/// <see cref="Management.DirectoryState"/>, after the store accepted them.
/// </summary>
public sealed class NumberState : IDisposable
{
    private readonly ConcurrentDictionary<string, LimitE164Group> _groups = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, ConcurrentDictionary<string, LimitE164>> _groupNumbers = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<long, E164Convert> _converts = new();
    private readonly ConcurrentDictionary<string, MobileArea> _mobileAreas = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, ConcurrentDictionary<string, CustomerPhoneBookEntry>> _phoneBooks = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, BindedE164> _binded = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _loadGate = new(1, 1);
    private volatile AreaCodes? _areaCodes;
    private int _loaded;

    public NumberState(INumberStore store)
    {
        Store = store;
    }

    public INumberStore Store { get; }

    public bool IsLoaded => Volatile.Read(ref _loaded) == 1;

    public ICollection<LimitE164Group> LimitE164Groups => _groups.Values;

    public ICollection<E164Convert> E164Converts => _converts.Values;

    public ICollection<MobileArea> MobileAreas => _mobileAreas.Values;

    public ICollection<BindedE164> BindedE164s => _binded.Values;

    public IEnumerable<CustomerPhoneBookEntry> PhoneBookEntries => _phoneBooks.Values.SelectMany(b => b.Values);

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
            foreach (var group in await Store.LoadLimitE164GroupsAsync(cancellationToken))
            {
                PutLimitE164Group(group);
            }
            foreach (var number in await Store.LoadLimitE164sAsync(cancellationToken))
            {
                PutLimitE164(number);
            }
            foreach (var convert in await Store.LoadE164ConvertsAsync(cancellationToken))
            {
                PutE164Convert(convert);
            }
            foreach (var area in await Store.LoadMobileAreasAsync(cancellationToken))
            {
                PutMobileArea(area);
            }
            foreach (var entry in await Store.LoadPhoneBookAsync(cancellationToken))
            {
                PutPhoneBookEntry(entry);
            }
            foreach (var binded in await Store.LoadBindedE164sAsync(cancellationToken))
            {
                PutBindedE164(binded);
            }
            Volatile.Write(ref _loaded, 1);
        }
        finally
        {
            _loadGate.Release();
        }
    }

    public LimitE164Group? FindLimitE164Group(string name) => _groups.GetValueOrDefault(name);

    public IReadOnlyList<LimitE164> LimitE164sOf(string group) =>
        _groupNumbers.TryGetValue(group, out var numbers) ? numbers.Values.ToArray() : [];

    /// <summary>Whether <paramref name="e164"/> is listed in the group (exact match), for *LimitE164Groups checks.</summary>
    public bool IsInLimitE164Group(string group, string e164) =>
        _groupNumbers.TryGetValue(group, out var numbers) && numbers.ContainsKey(e164);

    public E164Convert? FindE164Convert(long id) => _converts.GetValueOrDefault(id);

    /// <summary>The conversion for a caller arriving on a mapping gateway (mappingGatewayCallerE164 is unique).</summary>
    public E164Convert? ConvertForMappingCaller(string caller) =>
        _converts.Values.FirstOrDefault(c => c.MappingGatewayCallerE164 == caller);

    /// <summary>The conversions of a platform number, oldest first.</summary>
    public IReadOnlyList<E164Convert> ConvertsForE164(string e164) =>
        _converts.Values.Where(c => c.E164 == e164).OrderBy(c => c.Id).ToArray();

    public MobileArea? FindMobileArea(string mobilePrefix) => _mobileAreas.GetValueOrDefault(mobilePrefix);

    /// <summary>The area of a mobile number given without country or trunk prefix (its first seven digits).</summary>
    public MobileArea? MobileAreaOf(string mobileNumber) =>
        mobileNumber.Length >= MobileArea.PrefixLength
            ? _mobileAreas.GetValueOrDefault(mobileNumber[..MobileArea.PrefixLength])
            : null;

    /// <summary>
    /// The longest area code of the mobile-area table (§3.90 areaCode) that <paramref name="digits"/> starts with, or
    /// null: how the router tells a city number ("0" + area code) and finds its city. The set of codes is rebuilt on
    /// the first lookup after a mobile-area write, off the write path.
    /// </summary>
    public string? AreaCodePrefixOf(ReadOnlySpan<char> digits)
    {
        var codes = _areaCodes ??= new AreaCodes(_mobileAreas.Values.Select(a => a.AreaCode).Where(c => c.Length > 0)
            .ToFrozenSet(StringComparer.Ordinal));
        for (int length = Math.Min(codes.MaxLength, digits.Length); length > 0; length--)
        {
            if (codes.Lookup.TryGetValue(digits[..length], out string? code))
            {
                return code;
            }
        }
        return null;
    }

    public CustomerPhoneBookEntry? FindPhoneBookEntry(string account, string e164) =>
        _phoneBooks.TryGetValue(account, out var book) ? book.GetValueOrDefault(e164) : null;

    public IReadOnlyList<CustomerPhoneBookEntry> PhoneBookOf(string account) =>
        _phoneBooks.TryGetValue(account, out var book) ? book.Values.OrderBy(e => e.E164, StringComparer.Ordinal).ToArray() : [];

    /// <summary>The number a short number dialled by one of the account's phones stands for, if any (§3.53).</summary>
    public string? ResolveShortE164(string account, string shortE164) =>
        _phoneBooks.TryGetValue(account, out var book)
            ? book.Values.FirstOrDefault(e => e.ShortE164s.Contains(shortE164, StringComparer.Ordinal))?.E164
            : null;

    public BindedE164? FindBindedE164(string e164) => _binded.GetValueOrDefault(e164);

    public void Dispose() => _loadGate.Dispose();

    internal void PutLimitE164Group(LimitE164Group group)
    {
        _groups[group.Name] = group;
        _groupNumbers.GetOrAdd(group.Name, _ => new(StringComparer.Ordinal));
    }

    /// <summary>The group's numbers go with it (the store cascades the same way).</summary>
    internal void RemoveLimitE164Group(string name)
    {
        _groups.TryRemove(name, out _);
        _groupNumbers.TryRemove(name, out _);
    }

    internal void PutLimitE164(LimitE164 number) =>
        _groupNumbers.GetOrAdd(number.LimitE164GroupName, _ => new(StringComparer.Ordinal))[number.E164] = number;

    internal void RemoveLimitE164(string group, string e164)
    {
        if (_groupNumbers.TryGetValue(group, out var numbers))
        {
            numbers.TryRemove(e164, out _);
        }
    }

    internal void PutE164Convert(E164Convert convert) => _converts[convert.Id] = convert;

    internal void RemoveE164Convert(long id) => _converts.TryRemove(id, out _);

    internal void PutMobileArea(MobileArea area)
    {
        _mobileAreas[area.MobilePrefix] = area;
        _areaCodes = null;
    }

    internal void RemoveMobileArea(string prefix)
    {
        _mobileAreas.TryRemove(prefix, out _);
        _areaCodes = null;
    }

    internal void PutPhoneBookEntry(CustomerPhoneBookEntry entry) =>
        _phoneBooks.GetOrAdd(entry.Account, _ => new(StringComparer.Ordinal))[entry.E164] = entry;

    internal void RemovePhoneBookEntry(string account, string e164)
    {
        if (_phoneBooks.TryGetValue(account, out var book))
        {
            book.TryRemove(e164, out _);
        }
    }

    internal void PutBindedE164(BindedE164 binded) => _binded[binded.E164] = binded;

    internal void RemoveBindedE164(string e164) => _binded.TryRemove(e164, out _);

    private sealed class AreaCodes(FrozenSet<string> codes)
    {
        public FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> Lookup { get; } = codes.GetAlternateLookup<ReadOnlySpan<char>>();

        public int MaxLength { get; } = codes.Count == 0 ? 0 : codes.Max(c => c.Length);
    }
}
