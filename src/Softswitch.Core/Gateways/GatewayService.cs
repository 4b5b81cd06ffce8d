using Softswitch.Core.Management;
using Softswitch.Core.Numbers;

namespace Softswitch.Core.Gateways;

/// <summary>
/// Management of one gateway kind, written once for both (Create/Modify/Delete/Get: 001_… §3.11-§3.14 for mapping,
/// §3.16-§3.19 for routing gateways; the online lists are <see cref="GatewayOnlineList"/>). Writes validate, write the
/// store, then update memory, inside the write gate shared with accounts, phones and numbers (a gateway refers to
/// accounts and number groups); reads come from memory only. <see cref="MappingGatewayService"/> and
/// <see cref="RoutingGatewayService"/> supply their kind's table, store calls and rules.
/// </summary>
public abstract class GatewayService<TGateway, TChanges>
    where TGateway : Gateway
    where TChanges : GatewayChanges
{
    private readonly GatewayPresence _presence;
    private readonly GatewayKind _kind;
    private readonly string _noun;

    private protected GatewayService(DirectoryState directory, GatewayState gateways, NumberState numbers,
        GatewayPresence presence, GatewayKind kind, string noun)
    {
        Directory = directory;
        Gateways = gateways;
        Numbers = numbers;
        _presence = presence;
        _kind = kind;
        _noun = noun;
    }

    private protected DirectoryState Directory { get; }

    private protected GatewayState Gateways { get; }

    private protected NumberState Numbers { get; }

    public TGateway? Find(string name) => FindGateway(name);

    /// <summary>Create (§3.11, §3.16): name is mandatory and new; other fields default.</summary>
    public async Task<ServiceResult> CreateAsync(string? name, TChanges changes, CancellationToken cancellationToken = default)
    {
        if ((FieldRules.Identifier(name, "name") ?? CheckChanges(changes)) is { } invalid)
        {
            return invalid;
        }
        await LoadAsync(cancellationToken);
        using (await Directory.EnterWriteAsync(cancellationToken))
        {
            if (FindGateway(name!) is not null)
            {
                return ServiceResult.Fail(ServiceError.Duplicate, "name", $"{_noun} '{name}' already exists.");
            }
            var gateway = JsonOverlay.Apply(New(name!), changes);
            if (CheckStored(gateway) is { } refused)
            {
                return refused;
            }
            long id = await InsertAsync(gateway, cancellationToken);
            Put(WithId(gateway, id));
            return ServiceResult.Ok;
        }
    }

    /// <summary>Modify (§3.12, §3.17): only the fields given change.</summary>
    public async Task<ServiceResult> ModifyAsync(string? name, TChanges changes, CancellationToken cancellationToken = default)
    {
        if ((FieldRules.Identifier(name, "name") ?? CheckChanges(changes)) is { } invalid)
        {
            return invalid;
        }
        await LoadAsync(cancellationToken);
        using (await Directory.EnterWriteAsync(cancellationToken))
        {
            if (FindGateway(name!) is not { } existing)
            {
                return NotFound(name!);
            }
            var gateway = WithId(JsonOverlay.Apply(existing, Modifiable(changes)), existing.Id);
            if (CheckStored(gateway) is { } refused)
            {
                return refused;
            }
            await UpdateAsync(gateway, cancellationToken);
            Put(gateway);
            if (RegistrationNameRules.VoidsRegistration(existing.Password, existing.RegisterType, gateway.Password,
                gateway.RegisterType, gateway.LockType))
            {
                _presence.RemoveBinding(_kind, gateway.Name);
            }
            return ServiceResult.Ok;
        }
    }

    /// <summary>Delete (§3.14, §3.18); its presence goes with it, so it no longer reports online.</summary>
    public async Task<ServiceResult> DeleteAsync(string? name, CancellationToken cancellationToken = default)
    {
        if (FieldRules.Identifier(name, "name") is { } invalid)
        {
            return invalid;
        }
        await LoadAsync(cancellationToken);
        using (await Directory.EnterWriteAsync(cancellationToken))
        {
            if (FindGateway(name!) is null)
            {
                return NotFound(name!);
            }
            await DeleteStoredAsync(name!, cancellationToken);
            Remove(name!);
            _presence.Remove(_kind, name!);
            return ServiceResult.Ok;
        }
    }

    /// <summary>Get (§3.13, §3.19): the named gateways (unknown names skipped), or all when none are named.</summary>
    public IReadOnlyList<TGateway> Query(IReadOnlyList<string>? names) =>
        names is null
            ? All.OrderBy(g => g.Name, StringComparer.Ordinal).ToArray()
            : names.Distinct(StringComparer.Ordinal).Select(FindGateway).OfType<TGateway>().ToArray();

    private protected abstract IEnumerable<TGateway> All { get; }

    private protected abstract TGateway? FindGateway(string name);

    /// <summary>A gateway of this kind with every field at its default.</summary>
    private protected abstract TGateway New(string name);

    /// <summary>The kind's checks of a request, shared fields first (<see cref="GatewayRules.CheckChanges"/>).</summary>
    private protected abstract ServiceResult? CheckChanges(TChanges changes);

    /// <summary>The kind's checks of the gateway as it would be stored, shared ones included.</summary>
    private protected abstract ServiceResult? CheckMerged(TGateway gateway);

    /// <summary>The changes a Modify applies; all of them unless the kind fixes a field at creation.</summary>
    private protected virtual TChanges Modifiable(TChanges changes) => changes;

    private protected abstract Task<long> InsertAsync(TGateway gateway, CancellationToken cancellationToken);

    private protected abstract Task UpdateAsync(TGateway gateway, CancellationToken cancellationToken);

    private protected abstract Task DeleteStoredAsync(string name, CancellationToken cancellationToken);

    /// <summary>Call only inside the write gate, after the store accepted the write.</summary>
    private protected abstract void Put(TGateway gateway);

    private protected abstract void Remove(string name);

    private ServiceResult? CheckStored(TGateway gateway) =>
        CheckMerged(gateway) ?? RegistrationNameRules.CheckGateway(gateway.Name, gateway.RegisterType, Directory);

    private static TGateway WithId(Gateway gateway, long id) => (TGateway)(gateway with { Id = id });

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        await Gateways.LoadAsync(cancellationToken);
        await Numbers.LoadAsync(cancellationToken);
    }

    private ServiceResult NotFound(string name) =>
        ServiceResult.Fail(ServiceError.NotFound, "name", $"{_noun} '{name}' not found.");
}
