using Softswitch.Core.Accounts;
using Softswitch.Core.Gateways;
using Softswitch.Core.Management;
using Softswitch.Core.Registrations;

namespace Softswitch.Core.Phones;

/// <summary>
/// Phone management (001_… §3.6-§3.10, §3.83) and the in-memory phone directory the SIP side reads. Writes
/// validate, write the store, then update memory inside the shared write gate; lookups read memory only.
/// </summary>
public sealed class PhoneService : IPhoneDirectory
{
    private readonly DirectoryState _state;
    private readonly RegistrationTable _registrations;
    private readonly TimeProvider _time;
    private readonly GatewayState? _gateways;

    /// <param name="gateways">
    /// The gateway tables, to refuse an e164 that a registerType 1 gateway registers with
    /// (<see cref="RegistrationNameRules"/>); null where no gateways exist (the phone-only test rigs).
    /// </param>
    public PhoneService(DirectoryState state, RegistrationTable registrations, TimeProvider time, GatewayState? gateways = null)
    {
        _state = state;
        _registrations = registrations;
        _time = time;
        _gateways = gateways;
    }

    public Task LoadAsync(CancellationToken cancellationToken = default) => _state.LoadAsync(cancellationToken);

    /// <summary>Hot path (registrar, B2BUA): one dictionary read, no allocation.</summary>
    public PhoneCredentials? FindCredentials(string e164) => _state.FindCredentials(e164);

    public PhoneCredentials? FindByNumber(string number) => _state.FindByNumber(number);

    public Phone? Find(string e164) => _state.FindPhone(e164);

    /// <summary>
    /// CreatePhone (§3.6). With autoCreateAccount the owning account is created when missing (named by "account",
    /// or by the e164 when no account is given, with the account name equal to its number); an existing account is
    /// simply used. Without it the account must be given and must exist. A missing password is generated and
    /// returned in the created phone.
    /// </summary>
    public async Task<ServiceResult<Phone>> CreateAsync(bool autoCreateAccount, string? e164, PhoneChanges changes,
        CancellationToken cancellationToken = default)
    {
        var invalid = FieldRules.Number(e164, "e164")
            ?? (autoCreateAccount ? null : FieldRules.Required(changes.Account, "account"))
            ?? (changes.Account is null ? null : FieldRules.Identifier(changes.Account, "account"))
            ?? PhoneRules.CheckChanges(changes);
        if (invalid is not null)
        {
            return invalid.As<Phone>();
        }
        string account = changes.Account ?? e164!;
        if (_gateways is not null)
        {
            await _gateways.LoadAsync(cancellationToken);
        }
        using (await _state.EnterWriteAsync(cancellationToken))
        {
            if (_state.FindPhone(e164!) is not null)
            {
                return new(ServiceError.Duplicate, "e164", $"Phone '{e164}' already exists.", null);
            }
            if (_gateways is not null && RegistrationNameRules.CheckPhone(e164!, _gateways) is { } clash)
            {
                return clash.As<Phone>();
            }
            Customer? newAccount = null;
            if (_state.FindCustomer(account) is null)
            {
                if (!autoCreateAccount)
                {
                    return new(ServiceError.NotFound, "account", $"Account '{account}' not found.", null);
                }
                newAccount = new Customer
                {
                    Account = account,
                    Name = account,
                    StartTime = _time.GetUtcNow().ToUnixTimeMilliseconds(),
                };
            }
            var phone = Apply(new Phone { E164 = e164!, Account = account, Password = PasswordGenerator.Next() }, changes);
            await _state.PhoneStore.InsertPhoneAsync(phone, newAccount, cancellationToken);
            if (newAccount is not null)
            {
                _state.PutCustomer(newAccount);
            }
            _state.PutPhone(phone);
            return ServiceResult<Phone>.Success(phone);
        }
    }

    /// <summary>ModifyPhone (§3.7): only the fields given change; a new account must exist.</summary>
    public async Task<ServiceResult> ModifyAsync(string? e164, PhoneChanges changes, CancellationToken cancellationToken = default)
    {
        var invalid = FieldRules.Required(e164, "e164")
            ?? (changes.Account is null ? null : FieldRules.Identifier(changes.Account, "account"))
            ?? PhoneRules.CheckChanges(changes);
        if (invalid is not null)
        {
            return invalid;
        }
        using (await _state.EnterWriteAsync(cancellationToken))
        {
            var existing = _state.FindPhone(e164!);
            if (existing is null)
            {
                return NotFound(e164!);
            }
            if (changes.Account is not null && _state.FindCustomer(changes.Account) is null)
            {
                return ServiceResult.Fail(ServiceError.NotFound, "account", $"Account '{changes.Account}' not found.");
            }
            var phone = Apply(existing, changes);
            await _state.PhoneStore.UpdatePhoneAsync(phone, cancellationToken);
            _state.PutPhone(phone);
            return ServiceResult.Ok;
        }
    }

    /// <summary>DeletePhone (§3.8). Its live registrations go too, so a deleted phone stops being online at once.</summary>
    public async Task<ServiceResult> DeleteAsync(string? e164, CancellationToken cancellationToken = default)
    {
        if (FieldRules.Required(e164, "e164") is { } invalid)
        {
            return invalid;
        }
        using (await _state.EnterWriteAsync(cancellationToken))
        {
            if (_state.FindPhone(e164!) is null)
            {
                return NotFound(e164!);
            }
            await _state.PhoneStore.DeletePhoneAsync(e164!, cancellationToken);
            _state.RemovePhone(e164!);
        }
        _registrations.RemoveAll(e164!, _time.GetUtcNow());
        return ServiceResult.Ok;
    }

    /// <summary>GetPhone (§3.9): e164s and/or accounts, at least one; unknown keys are skipped.</summary>
    public ServiceResult<IReadOnlyList<Phone>> Query(IReadOnlyList<string>? e164s, IReadOnlyList<string>? accounts)
    {
        if (e164s is null && accounts is null)
        {
            return new(ServiceError.MissingField, "e164s", "One of 'e164s' or 'accounts' is required.", null);
        }
        var found = new Dictionary<string, Phone>(StringComparer.Ordinal);
        foreach (string e164 in e164s ?? [])
        {
            if (_state.FindPhone(e164) is { } phone)
            {
                found[e164] = phone;
            }
        }
        foreach (string account in accounts ?? [])
        {
            foreach (string e164 in _state.PhonesOf(account))
            {
                if (_state.FindPhone(e164) is { } phone)
                {
                    found[e164] = phone;
                }
            }
        }
        IReadOnlyList<Phone> result = found.Values.OrderBy(p => p.E164, StringComparer.Ordinal).ToArray();
        return ServiceResult<IReadOnlyList<Phone>>.Success(result);
    }

    /// <summary>
    /// GetPhoneOnline (§3.10): the requested phones that hold a live registration. The newest binding gives the
    /// address and device name (productId = User-Agent), the oldest the registration time. CurrentCall is 0 until
    /// the call model lands.
    /// </summary>
    public IReadOnlyList<PhoneOnlineStatus> GetOnline(IEnumerable<string> e164s)
    {
        var now = _time.GetUtcNow();
        var result = new List<PhoneOnlineStatus>();
        foreach (string e164 in e164s.Distinct(StringComparer.Ordinal))
        {
            var bindings = _registrations.Get(e164, now);
            if (bindings.Count == 0)
            {
                continue;
            }
            var newest = bindings.MaxBy(b => b.RegisteredAt)!;
            var oldest = bindings.Min(b => b.RegisteredAt);
            result.Add(new PhoneOnlineStatus(e164, 0, newest.SourceIp, newest.SourcePort, "", oldest,
                newest.RegisteredAt, newest.Transport, newest.UserAgent ?? ""));
        }
        return result;
    }

    /// <summary>GetAllPhoneOnline (§3.83): every e164 with a live registration.</summary>
    public IReadOnlyList<string> GetAllOnline() =>
        _registrations.Snapshot(_time.GetUtcNow()).Select(s => s.E164).Order(StringComparer.Ordinal).ToArray();

    /// <summary>The given fields replace the phone's (an int lock type becomes the enum by value).</summary>
    private static Phone Apply(Phone phone, PhoneChanges changes) => JsonOverlay.Apply(phone, changes);

    private static ServiceResult NotFound(string e164) =>
        ServiceResult.Fail(ServiceError.NotFound, "e164", $"Phone '{e164}' not found.");
}
