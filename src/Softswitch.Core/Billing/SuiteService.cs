using Softswitch.Core.Management;

namespace Softswitch.Core.Billing;

/// <summary>
/// Suites (CreateSuite §3.23, DeleteSuite §3.24, GetSuite §3.25) and suites in force (GetCurrentSuite §3.30,
/// DeleteCurrentSuite §3.31). Writes run inside the write gate shared with accounts and phones: validate, store,
/// then memory. Orders are <see cref="SuiteOrderService"/>'s.
/// </summary>
public sealed class SuiteService
{
    private readonly DirectoryState _directory;
    private readonly BillingState _billing;

    public SuiteService(DirectoryState directory, BillingState billing)
    {
        _directory = directory;
        _billing = billing;
    }

    /// <summary>CreateSuite (§3.23): the name is unique (-10005); answers the new suite's id.</summary>
    public async Task<ServiceResult<long>> CreateAsync(SuiteInput input, CancellationToken cancellationToken = default)
    {
        var suite = SuiteRules.Create(input);
        if (!suite.IsSuccess)
        {
            return suite.WithoutValue().As<long>();
        }
        using (await EnterAsync(cancellationToken))
        {
            if (_billing.Suites.Any(s => s.Name == suite.Value!.Name))
            {
                return ServiceResult.Fail(ServiceError.Duplicate, "name", $"Field 'name': suite '{suite.Value!.Name}' already exists.").As<long>();
            }
            long id = await _billing.Store.InsertSuiteAsync(suite.Value!, cancellationToken);
            _billing.PutSuite(suite.Value! with { Id = id });
            return ServiceResult<long>.Success(id);
        }
    }

    /// <summary>
    /// DeleteSuite (§3.24): force 0 (default) refuses a suite that orders or suites in force still use (-10006);
    /// force 1 deletes them with it ("强制删除，并取消依赖关系").
    /// </summary>
    public async Task<ServiceResult> DeleteAsync(long? id, int? force, CancellationToken cancellationToken = default)
    {
        var invalid = SuiteRules.Present(id, "id") ?? FieldRules.OneOf(force, "force", 0, 1);
        if (invalid is not null)
        {
            return invalid;
        }
        using (await EnterAsync(cancellationToken))
        {
            if (_billing.FindSuite(id!.Value) is null)
            {
                return SuiteNotFound(id.Value, "id");
            }
            if (force is not 1 && UserOf(id.Value) is { } user)
            {
                return ServiceResult.Fail(ServiceError.DependencyExists, "id",
                    $"Field 'id': suite {id} is still used by {user}; delete it first or pass force 1.");
            }
            await _billing.Store.DeleteSuiteAsync(id.Value, cancellationToken);
            _billing.RemoveSuite(id.Value);
            return ServiceResult.Ok;
        }
    }

    /// <summary>GetSuite (§3.25): the suites with the given ids (unknown skipped), or all, by id.</summary>
    public async Task<IReadOnlyList<Suite>> QueryAsync(IReadOnlyList<long>? ids, CancellationToken cancellationToken = default)
    {
        await _billing.LoadAsync(cancellationToken);
        return ids is null
            ? _billing.Suites.OrderBy(s => s.Id).ToArray()
            : ids.Distinct().Select(_billing.FindSuite).OfType<Suite>().ToArray();
    }

    /// <summary>GetCurrentSuite (§3.30): the suites in force of one owner (none for an unknown owner), by id.</summary>
    public async Task<ServiceResult<IReadOnlyList<CurrentSuite>>> QueryCurrentAsync(string? ownerName, int? ownerType,
        CancellationToken cancellationToken = default)
    {
        if (CheckOwner(ownerName, ownerType) is { } invalid)
        {
            return invalid.As<IReadOnlyList<CurrentSuite>>();
        }
        await _billing.LoadAsync(cancellationToken);
        IReadOnlyList<CurrentSuite> found = _billing.CurrentSuites
            .Where(c => c.OwnerName == ownerName && (int)c.OwnerType == ownerType)
            .OrderBy(c => c.Id).ToArray();
        return ServiceResult<IReadOnlyList<CurrentSuite>>.Success(found);
    }

    /// <summary>DeleteCurrentSuite (§3.31): ends a suite in force now; its order (if still there) stays.</summary>
    public async Task<ServiceResult> DeleteCurrentAsync(long? id, CancellationToken cancellationToken = default)
    {
        if (SuiteRules.Present(id, "id") is { } invalid)
        {
            return invalid;
        }
        using (await EnterAsync(cancellationToken))
        {
            if (_billing.FindCurrentSuite(id!.Value) is null)
            {
                return ServiceResult.Fail(ServiceError.NotFound, "id", $"Field 'id': current suite {id} not found.");
            }
            await _billing.Store.DeleteCurrentSuiteAsync(id.Value, cancellationToken);
            _billing.RemoveCurrentSuite(id.Value);
            return ServiceResult.Ok;
        }
    }

    /// <summary>ownerName and ownerType (2 account, 6 phone) of §3.26/§3.29/§3.30.</summary>
    internal static ServiceResult? CheckOwner(string? ownerName, int? ownerType) =>
        FieldRules.Identifier(ownerName, "ownerName")
        ?? SuiteRules.Present(ownerType, "ownerType")
        ?? FieldRules.OneOf(ownerType, "ownerType", (int)SuiteOwnerType.Account, (int)SuiteOwnerType.Phone);

    internal static ServiceResult SuiteNotFound(long id, string field) =>
        ServiceResult.Fail(ServiceError.NotFound, field, $"Field '{field}': suite {id} not found.");

    private string? UserOf(long id)
    {
        if (_billing.SuiteOrders.FirstOrDefault(o => o.SuiteId == id) is { } order)
        {
            return $"suite order {order.Id}";
        }
        return _billing.CurrentSuites.FirstOrDefault(c => c.Suite.Id == id) is { } current ? $"current suite {current.Id}" : null;
    }

    private async Task<IDisposable> EnterAsync(CancellationToken cancellationToken)
    {
        await _billing.LoadAsync(cancellationToken);
        return await _directory.EnterWriteAsync(cancellationToken);
    }
}
