using Softswitch.Core.Gateways;
using Softswitch.Core.Management;

namespace Softswitch.Core.Numbers;

/// <summary>
/// Number groups and their numbers (号码群组, 001_… §3.67-§3.73). Writes run inside the write gate shared with
/// accounts, phones and gateways, because phones and gateways refer to groups by name.
/// </summary>
public sealed class LimitE164Service
{
    private readonly DirectoryState _directory;
    private readonly NumberState _numbers;
    private readonly GatewayState _gateways;

    public LimitE164Service(DirectoryState directory, NumberState numbers, GatewayState gateways)
    {
        _directory = directory;
        _numbers = numbers;
        _gateways = gateways;
    }

    /// <summary>CreateLimitE164Group (§3.67): the name is unique.</summary>
    public async Task<ServiceResult> CreateGroupAsync(string? name, string? memo, CancellationToken cancellationToken = default)
    {
        if ((FieldRules.Identifier(name, "name") ?? FieldRules.Length(memo, "memo")) is { } invalid)
        {
            return invalid;
        }
        using (await EnterAsync(cancellationToken))
        {
            if (_numbers.FindLimitE164Group(name!) is not null)
            {
                return ServiceResult.Fail(ServiceError.Duplicate, "name", $"Number group '{name}' already exists.");
            }
            var group = new LimitE164Group(name!, memo ?? "");
            await _numbers.Store.InsertLimitE164GroupAsync(group, cancellationToken);
            _numbers.PutLimitE164Group(group);
            return ServiceResult.Ok;
        }
    }

    /// <summary>ModifyLimitE164Group (§3.68): only the memo can change (the name is the key).</summary>
    public async Task<ServiceResult> ModifyGroupAsync(string? name, string? memo, CancellationToken cancellationToken = default)
    {
        if ((FieldRules.Identifier(name, "name") ?? FieldRules.Length(memo, "memo")) is { } invalid)
        {
            return invalid;
        }
        using (await EnterAsync(cancellationToken))
        {
            if (_numbers.FindLimitE164Group(name!) is not { } existing)
            {
                return GroupNotFound(name!, "name");
            }
            var group = existing with { Memo = memo ?? existing.Memo };
            await _numbers.Store.UpdateLimitE164GroupAsync(group, cancellationToken);
            _numbers.PutLimitE164Group(group);
            return ServiceResult.Ok;
        }
    }

    /// <summary>
    /// DeleteLimitE164Group (§3.69). The manual has no force flag, so a group a phone or gateway still names is
    /// refused rather than leaving them pointing at nothing; its numbers are its content and go with it.
    /// </summary>
    public async Task<ServiceResult> DeleteGroupAsync(string? name, CancellationToken cancellationToken = default)
    {
        if (FieldRules.Identifier(name, "name") is { } invalid)
        {
            return invalid;
        }
        using (await EnterAsync(cancellationToken))
        {
            if (_numbers.FindLimitE164Group(name!) is null)
            {
                return GroupNotFound(name!, "name");
            }
            if (UserOf(name!) is { } user)
            {
                return ServiceResult.Fail(ServiceError.DependencyExists, "name",
                    $"Number group '{name}' is still used by {user}; remove it there first.");
            }
            await _numbers.Store.DeleteLimitE164GroupAsync(name!, cancellationToken);
            _numbers.RemoveLimitE164Group(name!);
            return ServiceResult.Ok;
        }
    }

    /// <summary>GetLimitE164Group (§3.70): the named groups (unknown skipped), or all when none are named.</summary>
    public IReadOnlyList<LimitE164Group> QueryGroups(IReadOnlyList<string>? names) =>
        names is null
            ? _numbers.LimitE164Groups.OrderBy(g => g.Name, StringComparer.Ordinal).ToArray()
            : names.Distinct(StringComparer.Ordinal).Select(_numbers.FindLimitE164Group).OfType<LimitE164Group>().ToArray();

    /// <summary>CreateLimitE164 (§3.71): all numbers are added or none; a number already in the group is refused.</summary>
    public async Task<ServiceResult> CreateNumbersAsync(string? group, IReadOnlyList<(string? E164, string? Memo)>? numbers,
        CancellationToken cancellationToken = default)
    {
        var invalid = FieldRules.Identifier(group, "limitE164GroupName")
            ?? (numbers is null or { Count: 0 } ? GatewayFieldRules.Missing("infoLimitE164s") : null);
        if (invalid is not null)
        {
            return invalid;
        }
        for (int i = 0; i < numbers!.Count; i++)
        {
            if ((FieldRules.Number(numbers[i].E164, $"infoLimitE164s[{i}].e164")
                ?? FieldRules.Length(numbers[i].Memo, $"infoLimitE164s[{i}].memo")) is { } bad)
            {
                return bad;
            }
        }
        using (await EnterAsync(cancellationToken))
        {
            if (_numbers.FindLimitE164Group(group!) is null)
            {
                return GroupNotFound(group!, "limitE164GroupName");
            }
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var (e164, _) in numbers)
            {
                if (!seen.Add(e164!) || _numbers.IsInLimitE164Group(group!, e164!))
                {
                    return ServiceResult.Fail(ServiceError.Duplicate, "infoLimitE164s",
                        $"Number '{e164}' is already in group '{group}'.");
                }
            }
            var rows = numbers.Select(n => new LimitE164(group!, n.E164!, n.Memo ?? "")).ToArray();
            await _numbers.Store.InsertLimitE164sAsync(rows, cancellationToken);
            Array.ForEach(rows, _numbers.PutLimitE164);
            return ServiceResult.Ok;
        }
    }

    /// <summary>DeleteLimitE164 (§3.72): all named numbers are removed, or none if one is not in the group.</summary>
    public async Task<ServiceResult> DeleteNumbersAsync(string? group, IReadOnlyList<string>? e164s,
        CancellationToken cancellationToken = default)
    {
        var invalid = FieldRules.Identifier(group, "limitE164GroupName")
            ?? (e164s is null or { Count: 0 } ? GatewayFieldRules.Missing("e164s") : null);
        if (invalid is not null)
        {
            return invalid;
        }
        using (await EnterAsync(cancellationToken))
        {
            if (_numbers.FindLimitE164Group(group!) is null)
            {
                return GroupNotFound(group!, "limitE164GroupName");
            }
            foreach (string? e164 in e164s!)
            {
                if (e164 is null || !_numbers.IsInLimitE164Group(group!, e164))
                {
                    return ServiceResult.Fail(ServiceError.NotFound, "e164s", $"Number '{e164}' is not in group '{group}'.");
                }
            }
            var distinct = e164s.Distinct(StringComparer.Ordinal).ToArray();
            await _numbers.Store.DeleteLimitE164sAsync(group!, distinct, cancellationToken);
            Array.ForEach(distinct, e => _numbers.RemoveLimitE164(group!, e));
            return ServiceResult.Ok;
        }
    }

    /// <summary>GetLimitE164 (§3.73): a group's numbers, optionally only those in a comma list.</summary>
    public ServiceResult<IReadOnlyList<LimitE164>> QueryNumbers(string? group, string? e164List)
    {
        if (FieldRules.Identifier(group, "limitE164GroupName") is { } invalid)
        {
            return invalid.As<IReadOnlyList<LimitE164>>();
        }
        if (_numbers.FindLimitE164Group(group!) is null)
        {
            return GroupNotFound(group!, "limitE164GroupName").As<IReadOnlyList<LimitE164>>();
        }
        var wanted = e164List is null ? null : GatewayLists.Split(e164List).ToHashSet(StringComparer.Ordinal);
        IReadOnlyList<LimitE164> result = _numbers.LimitE164sOf(group!)
            .Where(n => wanted is null || wanted.Contains(n.E164))
            .OrderBy(n => n.E164, StringComparer.Ordinal)
            .ToArray();
        return ServiceResult<IReadOnlyList<LimitE164>>.Success(result);
    }

    private async Task<IDisposable> EnterAsync(CancellationToken cancellationToken)
    {
        await _numbers.LoadAsync(cancellationToken);
        await _gateways.LoadAsync(cancellationToken);
        return await _directory.EnterWriteAsync(cancellationToken);
    }

    /// <summary>Who still names the group: a gateway (any *LimitE164Groups list, the caller pool) or a phone.</summary>
    private string? UserOf(string group)
    {
        if (_gateways.LimitE164GroupReferences().FirstOrDefault(r => r.Group == group) is { Gateway: { } gateway })
        {
            return $"gateway '{gateway}'";
        }
        var phone = _directory.Phones.FirstOrDefault(p =>
            GatewayLists.Split(p.CallerLimitE164Groups).Contains(group) || GatewayLists.Split(p.CalleeLimitE164Groups).Contains(group));
        return phone is null ? null : $"phone '{phone.E164}'";
    }

    private static ServiceResult GroupNotFound(string name, string field) =>
        ServiceResult.Fail(ServiceError.NotFound, field, $"Number group '{name}' not found.");
}
