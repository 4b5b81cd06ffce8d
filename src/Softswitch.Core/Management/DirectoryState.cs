using System.Collections.Concurrent;
using Softswitch.Core.Accounts;
using Softswitch.Core.Phones;
using Softswitch.Core.Store;

namespace Softswitch.Core.Management;

/// <summary>
/// The in-memory truth for accounts and phones (docs/architecture.md: "the in-memory state is the truth at run time"):
/// lock-free dictionaries for readers (the SIP hot path, Get* requests), and one write gate that serialises every
/// management write across both services, so a customer cannot be deleted while a phone is being added to it.
/// </summary>
public sealed class DirectoryState : IDisposable
{
    private readonly ConcurrentDictionary<string, Customer> _customers = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Phone> _phones = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string> _didOwners = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, PhoneCredentials> _credentials = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string> _staticPhones = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<string, ConcurrentDictionary<string, byte>> _phonesByAccount =
        new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _gate = new(1, 1);
    private int _loaded;

    public DirectoryState(ICustomerStore customerStore, IPhoneStore phoneStore)
    {
        CustomerStore = customerStore;
        PhoneStore = phoneStore;
    }

    public ICustomerStore CustomerStore { get; }

    public IPhoneStore PhoneStore { get; }

    public bool IsLoaded => Volatile.Read(ref _loaded) == 1;

    public ICollection<Customer> Customers => _customers.Values;

    public ICollection<Phone> Phones => _phones.Values;

    /// <summary>Fills memory from the store once; later calls do nothing, so every entry point may call it.</summary>
    public async Task LoadAsync(CancellationToken cancellationToken = default)
    {
        if (IsLoaded)
        {
            return;
        }
        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (IsLoaded)
            {
                return;
            }
            foreach (var customer in await CustomerStore.LoadCustomersAsync(cancellationToken))
            {
                _customers[customer.Account] = customer;
            }
            foreach (var phone in await PhoneStore.LoadPhonesAsync(cancellationToken))
            {
                PutPhone(phone);
            }
            Volatile.Write(ref _loaded, 1);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Enters the write gate, loading first if nobody has; dispose the result to leave.</summary>
    public async Task<IDisposable> EnterWriteAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        await _gate.WaitAsync(cancellationToken);
        return new Releaser(_gate);
    }

    public Customer? FindCustomer(string account) => _customers.GetValueOrDefault(account);

    public Phone? FindPhone(string e164) => _phones.GetValueOrDefault(e164);

    public PhoneCredentials? FindCredentials(string e164) => _credentials.GetValueOrDefault(e164);

    /// <summary>The phone a dialled number reaches: its e164, else a phone whose dids list it (001_… §3.6 dids).</summary>
    public PhoneCredentials? FindByNumber(string number) =>
        _credentials.GetValueOrDefault(number)
        ?? (_didOwners.TryGetValue(number, out string? owner) ? _credentials.GetValueOrDefault(owner) : null);

    /// <summary>
    /// The static-address phone (InfoPhoneAdditional registerType 0, 001_… §3.6) a request from
    /// <paramref name="ip"/>:<paramref name="port"/> comes from: by ip and port when its sipAuthenticationMethod is 1
    /// (port 5060 when none is set), by ip alone otherwise.
    /// </summary>
    public PhoneCredentials? FindStaticPhone(string ip, int port) =>
        (_staticPhones.TryGetValue($"{ip}:{port}", out string? e164) || _staticPhones.TryGetValue(ip, out e164))
            ? _credentials.GetValueOrDefault(e164)
            : null;

    public IReadOnlyList<string> PhonesOf(string account) =>
        _phonesByAccount.TryGetValue(account, out var set) ? set.Keys.ToArray() : [];

    public IReadOnlyList<Customer> SubAccountsOf(string agentAccount) =>
        _customers.Values.Where(c => c.AgentAccount == agentAccount).ToArray();

    /// <summary>Call only inside the write gate, after the store accepted the write.</summary>
    internal void PutCustomer(Customer customer)
    {
        var previous = _customers.GetValueOrDefault(customer.Account);
        _customers[customer.Account] = customer;
        if (previous is not null && previous.LockType != customer.LockType)
        {
            foreach (string e164 in PhonesOf(customer.Account))
            {
                if (_phones.TryGetValue(e164, out var phone))
                {
                    _credentials[e164] = CredentialsOf(phone, customer);
                }
            }
        }
    }

    internal void RemoveCustomer(string account)
    {
        _customers.TryRemove(account, out _);
        _phonesByAccount.TryRemove(account, out _);
    }

    internal void PutPhone(Phone phone)
    {
        if (_phones.TryGetValue(phone.E164, out var previous) && previous.Account != phone.Account &&
            _phonesByAccount.TryGetValue(previous.Account, out var oldSet))
        {
            oldSet.TryRemove(phone.E164, out _);
        }
        if (previous is not null)
        {
            RemoveDids(previous);
            RemoveStaticAddress(previous);
        }
        _phones[phone.E164] = phone;
        if (StaticAddressOf(phone) is { } address)
        {
            _staticPhones[address] = phone.E164;
        }
        foreach (string did in phone.DidList)
        {
            _didOwners[did] = phone.E164;
        }
        _phonesByAccount.GetOrAdd(phone.Account, _ => new(StringComparer.Ordinal))[phone.E164] = 0;
        _credentials[phone.E164] = CredentialsOf(phone, _customers.GetValueOrDefault(phone.Account));
    }

    internal void RemovePhone(string e164)
    {
        _credentials.TryRemove(e164, out _);
        if (_phones.TryRemove(e164, out var phone))
        {
            RemoveDids(phone);
            RemoveStaticAddress(phone);
            if (_phonesByAccount.TryGetValue(phone.Account, out var set))
            {
                set.TryRemove(e164, out _);
            }
        }
    }

    private void RemoveDids(Phone phone)
    {
        foreach (string did in phone.DidList)
        {
            _didOwners.TryRemove(KeyValuePair.Create(did, phone.E164));
        }
    }

    private void RemoveStaticAddress(Phone phone)
    {
        if (StaticAddressOf(phone) is { } address)
        {
            _staticPhones.TryRemove(KeyValuePair.Create(address, phone.E164));
        }
    }

    private static string? StaticAddressOf(Phone phone) =>
        phone.Additional is { RegisterType: 0, Ip: { Length: > 0 } ip }
            ? phone.Additional.SipAuthenticationMethod == 1 ? $"{ip}:{phone.Additional.Port ?? 5060}" : ip
            : null;

    public void Dispose() => _gate.Dispose();

    private static PhoneCredentials CredentialsOf(Phone phone, Customer? customer)
    {
        bool accountLocked = customer?.LockType == CustomerLockType.Locked;
        return new PhoneCredentials(phone.E164, phone.Password, phone.Account,
            accountLocked || phone.LockType == PhoneLockType.All)
        {
            LockType = phone.LockType,
            AccountLocked = accountLocked,
            LineCallIn = phone.LineCallIn,
            LineCallOut = phone.LineCallOut,
            LineCapacity = phone.LineCapacity,
            Dids = phone.DidList,
            DisplayNumber = phone.DisplayNumber,
            RtpSourceCheck = phone.Additional.RtpSourceCheck ?? 0,
        };
    }

    private sealed class Releaser(SemaphoreSlim gate) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                gate.Release();
            }
        }
    }
}
