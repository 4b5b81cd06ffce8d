using Softswitch.Core.Management;

namespace Softswitch.Core.Billing;

/// <summary>
/// Fee-rate groups (001_… §3.40-§3.43), their rates (§3.44) and the rate writes the manual lacks (CreateFeeRate,
/// ModifyFeeRate, DeleteFeeRate, ImportFeeRates: project extensions, docs/billing.md). Writes run inside the write
/// gate shared with accounts and phones, which name groups (customer feeRateGroup, phone feerateGroup).
/// </summary>
public sealed class FeeRateService
{
    public const int MaxImportLines = 100_000;

    private readonly DirectoryState _directory;
    private readonly BillingState _billing;

    public FeeRateService(DirectoryState directory, BillingState billing)
    {
        _directory = directory;
        _billing = billing;
    }

    /// <summary>CreateFeeRateGroup (§3.41): the name is unique; fakeMinute, when given, is 1..3600 seconds.</summary>
    public async Task<ServiceResult> CreateGroupAsync(string? name, int? fakeMinute, string? memo, CancellationToken cancellationToken = default)
    {
        if (CheckGroup(name, fakeMinute, memo) is { } invalid)
        {
            return invalid;
        }
        using (await EnterAsync(cancellationToken))
        {
            if (_billing.FindFeeRateGroup(name!) is not null)
            {
                return ServiceResult.Fail(ServiceError.Duplicate, "name", $"Fee-rate group '{name}' already exists.");
            }
            var group = new FeeRateGroup(name!, fakeMinute, memo ?? "");
            await _billing.Store.InsertFeeRateGroupAsync(group, cancellationToken);
            _billing.PutFeeRateGroup(group);
            return ServiceResult.Ok;
        }
    }

    /// <summary>ModifyFeeRateGroup (§3.42): fakeMinute and memo change when given (the name is the key).</summary>
    public async Task<ServiceResult> ModifyGroupAsync(string? name, int? fakeMinute, string? memo, CancellationToken cancellationToken = default)
    {
        if (CheckGroup(name, fakeMinute, memo) is { } invalid)
        {
            return invalid;
        }
        using (await EnterAsync(cancellationToken))
        {
            if (_billing.FindFeeRateGroup(name!) is not { } existing)
            {
                return GroupNotFound(name!, "name");
            }
            var group = existing with { FakeMinute = fakeMinute ?? existing.FakeMinute, Memo = memo ?? existing.Memo };
            await _billing.Store.UpdateFeeRateGroupAsync(group, cancellationToken);
            _billing.PutFeeRateGroup(group);
            return ServiceResult.Ok;
        }
    }

    /// <summary>
    /// DeleteFeeRateGroup (§3.43). No force flag in the manual: a group an account, a phone or a recharge card still
    /// names is refused; its rates are its content and go with it.
    /// </summary>
    public async Task<ServiceResult> DeleteGroupAsync(string? name, CancellationToken cancellationToken = default)
    {
        if (FieldRules.Identifier(name, "name") is { } invalid)
        {
            return invalid;
        }
        using (await EnterAsync(cancellationToken))
        {
            if (_billing.FindFeeRateGroup(name!) is null)
            {
                return GroupNotFound(name!, "name");
            }
            if (UserOf(name!) is { } user)
            {
                return ServiceResult.Fail(ServiceError.DependencyExists, "name",
                    $"Fee-rate group '{name}' is still used by {user}; change it there first.");
            }
            await _billing.Store.DeleteFeeRateGroupAsync(name!, cancellationToken);
            _billing.RemoveFeeRateGroup(name!);
            return ServiceResult.Ok;
        }
    }

    /// <summary>GetFeeRateGroup (§3.40): the named groups (unknown skipped), or all when none are named.</summary>
    public IReadOnlyList<FeeRateGroup> QueryGroups(IReadOnlyList<string>? names) =>
        names is null
            ? _billing.FeeRateGroups.OrderBy(g => g.Name, StringComparer.Ordinal).ToArray()
            : names.Distinct(StringComparer.Ordinal).Select(_billing.FindFeeRateGroup).OfType<FeeRateGroup>().ToArray();

    /// <summary>
    /// GetFeeRate (§3.44): a group's rates ordered by feePrefix; with areaCodes, only rates whose areaCode (or, when
    /// it is empty, feePrefix) is listed.
    /// </summary>
    public ServiceResult<IReadOnlyList<FeeRate>> QueryRates(string? group, IReadOnlyList<string>? areaCodes)
    {
        if (FieldRules.Identifier(group, "feeRateGroup") is { } invalid)
        {
            return invalid.As<IReadOnlyList<FeeRate>>();
        }
        if (_billing.FindFeeRateGroup(group!) is null)
        {
            return GroupNotFound(group!, "feeRateGroup").As<IReadOnlyList<FeeRate>>();
        }
        var wanted = areaCodes?.ToHashSet(StringComparer.Ordinal);
        IReadOnlyList<FeeRate> rates = _billing.RatesOf(group!).Rates
            .Where(r => wanted is null || wanted.Contains(r.AreaCode.Length > 0 ? r.AreaCode : r.FeePrefix))
            .ToArray();
        return ServiceResult<IReadOnlyList<FeeRate>>.Success(rates);
    }

    /// <summary>CreateFeeRate (extension of §3.44): one new rate; its feePrefix must be new in the group.</summary>
    public async Task<ServiceResult> CreateRateAsync(string? group, FeeRateInput input, CancellationToken cancellationToken = default)
    {
        if (FieldRules.Identifier(group, "feeRateGroup") is { } badGroup)
        {
            return badGroup;
        }
        var rate = FeeRateRules.Create(group!, input);
        if (!rate.IsSuccess)
        {
            return rate.WithoutValue();
        }
        using (await EnterAsync(cancellationToken))
        {
            if (_billing.FindFeeRateGroup(group!) is null)
            {
                return GroupNotFound(group!, "feeRateGroup");
            }
            var table = _billing.RatesOf(group!);
            if (table.Get(rate.Value!.FeePrefix) is not null)
            {
                return ServiceResult.Fail(ServiceError.Duplicate, "feePrefix",
                    $"Fee-rate group '{group}' already has a rate for feePrefix '{rate.Value.FeePrefix}'.");
            }
            await _billing.Store.UpsertFeeRatesAsync([rate.Value], null, cancellationToken);
            _billing.PutRates(group!, table.With([rate.Value]));
            return ServiceResult.Ok;
        }
    }

    /// <summary>ModifyFeeRate (extension of §3.44): the given fields of an existing rate change.</summary>
    public async Task<ServiceResult> ModifyRateAsync(string? group, FeeRateInput input, CancellationToken cancellationToken = default)
    {
        if ((FieldRules.Identifier(group, "feeRateGroup") ?? FieldRules.Number(input.FeePrefix, "feePrefix")) is { } invalid)
        {
            return invalid;
        }
        using (await EnterAsync(cancellationToken))
        {
            if (_billing.FindFeeRateGroup(group!) is null)
            {
                return GroupNotFound(group!, "feeRateGroup");
            }
            var table = _billing.RatesOf(group!);
            if (table.Get(input.FeePrefix!) is not { } existing)
            {
                return RateNotFound(group!, input.FeePrefix!);
            }
            var rate = FeeRateRules.Apply(existing, input);
            if (!rate.IsSuccess)
            {
                return rate.WithoutValue();
            }
            await _billing.Store.UpsertFeeRatesAsync([rate.Value!], null, cancellationToken);
            _billing.PutRates(group!, table.With([rate.Value!]));
            return ServiceResult.Ok;
        }
    }

    /// <summary>DeleteFeeRate (extension of §3.44): all named prefixes are removed, or none if one is unknown.</summary>
    public async Task<ServiceResult> DeleteRatesAsync(string? group, IReadOnlyList<string?>? feePrefixes, CancellationToken cancellationToken = default)
    {
        var invalid = FieldRules.Identifier(group, "feeRateGroup")
            ?? (feePrefixes is null or { Count: 0 } ? FeeRateRules.Missing("feePrefixes") : null);
        if (invalid is not null)
        {
            return invalid;
        }
        using (await EnterAsync(cancellationToken))
        {
            if (_billing.FindFeeRateGroup(group!) is null)
            {
                return GroupNotFound(group!, "feeRateGroup");
            }
            var table = _billing.RatesOf(group!);
            foreach (string? prefix in feePrefixes!)
            {
                if (prefix is null || table.Get(prefix) is null)
                {
                    return RateNotFound(group!, prefix ?? "(null)");
                }
            }
            string[] prefixes = feePrefixes.OfType<string>().Distinct(StringComparer.Ordinal).ToArray();
            await _billing.Store.DeleteFeeRatesAsync(group!, prefixes, cancellationToken);
            _billing.PutRates(group!, table.Without(prefixes));
            return ServiceResult.Ok;
        }
    }

    /// <summary>
    /// ImportFeeRates (extension): every line of <paramref name="csv"/> (<see cref="FeeRateCsv"/>) is checked first;
    /// one bad line refuses the whole import, naming its line number. Good imports add or overwrite by feePrefix, or
    /// with <paramref name="replace"/> replace the group's whole table. Returns the number of rates imported.
    /// </summary>
    public async Task<ServiceResult<int>> ImportAsync(string? group, string? csv, bool replace, CancellationToken cancellationToken = default)
    {
        var invalid = FieldRules.Identifier(group, "feeRateGroup")
            ?? (string.IsNullOrWhiteSpace(csv) ? FeeRateRules.Missing("csv") : null);
        if (invalid is not null)
        {
            return invalid.As<int>();
        }
        var parsed = FeeRateCsv.Parse(csv!);
        if (parsed.Count > MaxImportLines)
        {
            return ServiceResult.Fail(ServiceError.OutOfRange, "csv", $"Field 'csv' holds more than {MaxImportLines} rates.").As<int>();
        }
        var rates = new Dictionary<string, FeeRate>(StringComparer.Ordinal);
        foreach (var (line, input, error) in parsed)
        {
            if (error is not null)
            {
                return LineError(line, error);
            }
            var rate = FeeRateRules.Create(group!, input!);
            if (!rate.IsSuccess)
            {
                return LineError(line, rate.Message!);
            }
            if (!rates.TryAdd(rate.Value!.FeePrefix, rate.Value))
            {
                return ServiceResult.Fail(ServiceError.Duplicate, "csv",
                    $"Field 'csv' line {line}: feePrefix '{rate.Value.FeePrefix}' appears twice.").As<int>();
            }
        }
        using (await EnterAsync(cancellationToken))
        {
            if (_billing.FindFeeRateGroup(group!) is null)
            {
                return GroupNotFound(group!, "feeRateGroup").As<int>();
            }
            await _billing.Store.UpsertFeeRatesAsync(rates.Values.ToArray(), replace ? group : null, cancellationToken);
            var table = replace ? FeeRateTable.From(rates.Values) : _billing.RatesOf(group!).With(rates.Values);
            _billing.PutRates(group!, table);
            return ServiceResult<int>.Success(rates.Count);
        }
    }

    private static ServiceResult<int> LineError(int line, string error) =>
        ServiceResult.Fail(ServiceError.OutOfRange, "csv", $"Field 'csv' line {line}: {error}").As<int>();

    private static ServiceResult? CheckGroup(string? name, int? fakeMinute, string? memo) =>
        FieldRules.Identifier(name, "name")
        ?? FieldRules.Range(fakeMinute, "fakeMinute", 1, 3600)
        ?? FieldRules.Length(memo, "memo");

    private async Task<IDisposable> EnterAsync(CancellationToken cancellationToken)
    {
        await _billing.LoadAsync(cancellationToken);
        return await _directory.EnterWriteAsync(cancellationToken);
    }

    private string? UserOf(string group)
    {
        if (_directory.Customers.FirstOrDefault(c => c.FeeRateGroup == group) is { } customer)
        {
            return $"account '{customer.Account}'";
        }
        if (_directory.Phones.FirstOrDefault(p => p.FeerateGroup == group) is { } phone)
        {
            return $"phone '{phone.E164}'";
        }
        return _billing.UnusedPhoneCardNaming(group) is { } card ? $"phone card '{card}'" : null;
    }

    private static ServiceResult GroupNotFound(string name, string field) =>
        ServiceResult.Fail(ServiceError.NotFound, field, $"Fee-rate group '{name}' not found.");

    private static ServiceResult RateNotFound(string group, string prefix) =>
        ServiceResult.Fail(ServiceError.NotFound, "feePrefix", $"Fee-rate group '{group}' has no rate for feePrefix '{prefix}'.");
}
