using Softswitch.Core.Management;

namespace Softswitch.Core.Numbers;

/// <summary>Account phone books (账户电话簿, 001_… §3.52-§3.55).</summary>
public sealed class CustomerPhoneBookService
{
    private readonly DirectoryState _directory;
    private readonly NumberState _numbers;
    private readonly TimeProvider _time;

    public CustomerPhoneBookService(DirectoryState directory, NumberState numbers, TimeProvider time)
    {
        _directory = directory;
        _numbers = numbers;
        _time = time;
    }

    /// <summary>
    /// CreateCustomerPhoneBook (§3.53). Without <paramref name="overwrite"/> e164 is mandatory and must be new in the
    /// account. With it, the entry found by overwrite.e164 or overwrite.shortE164 (exactly one) is replaced by the
    /// request's fields (e164, when given, renumbers it); if none is found a new entry is created, which needs e164.
    /// </summary>
    public async Task<ServiceResult> CreateAsync(string? account, string? e164, PhoneBookOverwrite? overwrite,
        CustomerPhoneBookChanges changes, CancellationToken cancellationToken = default)
    {
        var invalid = FieldRules.Identifier(account, "account")
            ?? (e164 is null && overwrite is null ? FieldRules.Number(e164, "e164") : null)
            ?? (e164 is null ? null : FieldRules.Number(e164, "e164"))
            ?? CheckOverwrite(overwrite)
            ?? Check(changes);
        if (invalid is not null)
        {
            return invalid;
        }
        await _numbers.LoadAsync(cancellationToken);
        using (await _directory.EnterWriteAsync(cancellationToken))
        {
            if (AccountMissing(account!) is { } missing)
            {
                return missing;
            }
            var replaced = overwrite is null ? null
                : overwrite.E164 is { } byNumber ? _numbers.FindPhoneBookEntry(account!, byNumber)
                : _numbers.PhoneBookOf(account!).FirstOrDefault(x => x.ShortE164s.Contains(overwrite.ShortE164!, StringComparer.Ordinal));
            if (replaced is null && e164 is null)
            {
                return ServiceResult.Fail(ServiceError.MissingField, "e164",
                    "Missing mandatory field 'e164': no entry matches infoCustomerPhoneBookOverWrite, so a new one is created.");
            }
            if (replaced is null && _numbers.FindPhoneBookEntry(account!, e164!) is not null)
            {
                return ServiceResult.Fail(ServiceError.Duplicate, "e164", $"Phone book of '{account}' already has '{e164}'.");
            }
            if (replaced is null && LimitReached(account!) is { } full)
            {
                return full;
            }
            var entry = Apply(new CustomerPhoneBookEntry { Account = account!, E164 = e164 ?? replaced!.E164 }, changes);
            return await SaveAsync(entry, replaced?.E164, cancellationToken);
        }
    }

    /// <summary>ModifyCustomerPhoneBook (§3.54): only the fields given change; newE164 renumbers the entry.</summary>
    public async Task<ServiceResult> ModifyAsync(string? account, string? e164, string? newE164, CustomerPhoneBookChanges changes,
        CancellationToken cancellationToken = default)
    {
        var invalid = FieldRules.Identifier(account, "account")
            ?? FieldRules.Number(e164, "e164")
            ?? (newE164 is null ? null : FieldRules.Number(newE164, "newE164"))
            ?? Check(changes);
        if (invalid is not null)
        {
            return invalid;
        }
        await _numbers.LoadAsync(cancellationToken);
        using (await _directory.EnterWriteAsync(cancellationToken))
        {
            if (AccountMissing(account!) is { } missing)
            {
                return missing;
            }
            if (_numbers.FindPhoneBookEntry(account!, e164!) is not { } existing)
            {
                return ServiceResult.Fail(ServiceError.NotFound, "e164", $"Phone book of '{account}' has no '{e164}'.");
            }
            if (newE164 is not null && newE164 != e164 && _numbers.FindPhoneBookEntry(account!, newE164) is not null)
            {
                return ServiceResult.Fail(ServiceError.Duplicate, "newE164", $"Phone book of '{account}' already has '{newE164}'.");
            }
            var entry = Apply(existing with { E164 = newE164 ?? existing.E164 }, changes);
            return await SaveAsync(entry, existing.E164, cancellationToken);
        }
    }

    /// <summary>DeleteCustomerPhoneBook (§3.55): all named entries are removed, or none if one does not exist.</summary>
    public async Task<ServiceResult> DeleteAsync(string? account, IReadOnlyList<string?>? e164s, CancellationToken cancellationToken = default)
    {
        var invalid = FieldRules.Identifier(account, "account")
            ?? (e164s is null or { Count: 0 } ? ServiceResult.Fail(ServiceError.MissingField, "e164s", "Missing mandatory field 'e164s'.") : null);
        if (invalid is not null)
        {
            return invalid;
        }
        await _numbers.LoadAsync(cancellationToken);
        using (await _directory.EnterWriteAsync(cancellationToken))
        {
            foreach (string? e164 in e164s!)
            {
                if (e164 is null || _numbers.FindPhoneBookEntry(account!, e164) is null)
                {
                    return ServiceResult.Fail(ServiceError.NotFound, "e164s", $"Phone book of '{account}' has no '{e164}'.");
                }
            }
            var distinct = e164s.Distinct(StringComparer.Ordinal).Select(e => e!).ToArray();
            await _numbers.Store.DeletePhoneBookEntriesAsync(account!, distinct, cancellationToken);
            Array.ForEach(distinct, e => _numbers.RemovePhoneBookEntry(account!, e));
            return ServiceResult.Ok;
        }
    }

    /// <summary>GetCustomerPhoneBook (§3.52): entries filtered by account and/or e164; neither filter lists all.</summary>
    public IReadOnlyList<CustomerPhoneBookEntry> Query(string? account, string? e164) =>
        (account is null ? _numbers.PhoneBookEntries : _numbers.PhoneBookOf(account))
            .Where(e => e164 is null || e.E164 == e164)
            .OrderBy(e => e.Account, StringComparer.Ordinal)
            .ThenBy(e => e.E164, StringComparer.Ordinal)
            .ToArray();

    /// <summary>Short numbers are unique within an account, or dialling one would be ambiguous.</summary>
    private async Task<ServiceResult> SaveAsync(CustomerPhoneBookEntry entry, string? replacedE164, CancellationToken cancellationToken)
    {
        foreach (var other in _numbers.PhoneBookOf(entry.Account))
        {
            if (other.E164 != replacedE164 && other.E164 != entry.E164 &&
                other.ShortE164s.Intersect(entry.ShortE164s, StringComparer.Ordinal).FirstOrDefault() is { } shared)
            {
                return ServiceResult.Fail(ServiceError.Duplicate, "shortE164s",
                    $"Short number '{shared}' already stands for '{other.E164}' in this phone book.");
            }
        }
        entry = entry with { LastUpdateTime = _time.GetUtcNow().ToUnixTimeMilliseconds() };
        await _numbers.Store.SavePhoneBookEntryAsync(entry, replacedE164, cancellationToken);
        if (replacedE164 is not null)
        {
            _numbers.RemovePhoneBookEntry(entry.Account, replacedE164);
        }
        _numbers.PutPhoneBookEntry(entry);
        return ServiceResult.Ok;
    }

    private ServiceResult? AccountMissing(string account) =>
        _directory.FindCustomer(account) is null
            ? ServiceResult.Fail(ServiceError.NotFound, "account", $"Account '{account}' does not exist (account).")
            : null;

    /// <summary>
    /// The account's phoneBookLimit (§3.1 电话簿上限) caps its entries; 0, the default, is read as "no limit" since a
    /// default account could otherwise hold no phone book at all (the manual does not say).
    /// </summary>
    private ServiceResult? LimitReached(string account)
    {
        int limit = _directory.FindCustomer(account)?.PhoneBookLimit ?? 0;
        return limit > 0 && _numbers.PhoneBookOf(account).Count >= limit
            ? ServiceResult.Fail(ServiceError.OutOfRange, "account", $"Phone book of '{account}' is full ({limit} entries, phoneBookLimit).")
            : null;
    }

    private static ServiceResult? CheckOverwrite(PhoneBookOverwrite? o) =>
        o is null ? null
        : o.E164 is not null && o.ShortE164 is not null
            ? ServiceResult.Fail(ServiceError.OutOfRange, "infoCustomerPhoneBookOverWrite",
                "Fields 'infoCustomerPhoneBookOverWrite.e164' and '.shortE164' must not both be set.")
        : o.E164 is null && o.ShortE164 is null
            ? ServiceResult.Fail(ServiceError.MissingField, "infoCustomerPhoneBookOverWrite.e164",
                "One of 'infoCustomerPhoneBookOverWrite.e164' or '.shortE164' is required.")
        : null;

    private static ServiceResult? Check(CustomerPhoneBookChanges c) =>
        (c.ShortE164s ?? []).Select((s, i) => FieldRules.Number(s, $"shortE164s[{i}]")).FirstOrDefault(r => r is not null)
        ?? (c.ShortE164s is { } list && list.Distinct(StringComparer.Ordinal).Count() != list.Count
            ? ServiceResult.Fail(ServiceError.Duplicate, "shortE164s", "Field 'shortE164s' repeats a short number.") : null)
        ?? FieldRules.Length(c.Name, "name")
        ?? FieldRules.Length(c.Department, "department")
        ?? FieldRules.Range(c.DeviceType, "deviceType", 0, 3)
        ?? FieldRules.Range(c.AddressType, "addressType", 0, 2)
        ?? FieldRules.Range(c.Type, "type", 0, 1)
        ?? FieldRules.Length(c.Memo, "memo");

    private static CustomerPhoneBookEntry Apply(CustomerPhoneBookEntry entry, CustomerPhoneBookChanges changes) =>
        JsonOverlay.Apply(entry, changes);
}
