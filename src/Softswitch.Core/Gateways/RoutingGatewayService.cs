using Softswitch.Core.Management;
using Softswitch.Core.Numbers;

namespace Softswitch.Core.Gateways;

/// <summary>
/// Routing-gateway management (落地网关, 001_… §3.16-§3.19; the online list of §3.20 is <see cref="GatewayOnlineList"/>). Writes validate, write the store, then update memory,
/// inside the write gate shared with accounts, phones and numbers (a gateway refers to its clearing account and number groups);
/// reads come from memory only.
/// </summary>
public sealed class RoutingGatewayService
{
    private readonly DirectoryState _directory;
    private readonly GatewayState _gateways;
    private readonly NumberState _numbers;
    private readonly GatewayPresence _presence;

    public RoutingGatewayService(DirectoryState directory, GatewayState gateways, NumberState numbers,
        GatewayPresence presence)
    {
        _directory = directory;
        _gateways = gateways;
        _numbers = numbers;
        _presence = presence;
    }

    public RoutingGateway? Find(string name) => _gateways.FindRouting(name);

    /// <summary>CreateGatewayRouting (§3.16): name is mandatory and new; other fields default.</summary>
    public async Task<ServiceResult> CreateAsync(string? name, RoutingGatewayChanges changes, CancellationToken cancellationToken = default)
    {
        if ((FieldRules.Identifier(name, "name") ?? RoutingGatewayRules.CheckChanges(changes)) is { } invalid)
        {
            return invalid;
        }
        await LoadAsync(cancellationToken);
        using (await _directory.EnterWriteAsync(cancellationToken))
        {
            if (_gateways.FindRouting(name!) is not null)
            {
                return ServiceResult.Fail(ServiceError.Duplicate, "name", $"Routing gateway '{name}' already exists.");
            }
            var gateway = JsonOverlay.Apply(new RoutingGateway { Name = name! }, changes);
            if ((RoutingGatewayRules.CheckMerged(gateway, _directory, _numbers)
                ?? RegistrationNameRules.CheckGateway(gateway.Name, gateway.RegisterType, _directory)) is { } refused)
            {
                return refused;
            }
            long id = await _gateways.Store.InsertRoutingGatewayAsync(gateway, cancellationToken);
            _gateways.PutRouting(gateway with { Id = id });
            return ServiceResult.Ok;
        }
    }

    /// <summary>ModifyGatewayRouting (§3.17): only the fields given change.</summary>
    public async Task<ServiceResult> ModifyAsync(string? name, RoutingGatewayChanges changes, CancellationToken cancellationToken = default)
    {
        if ((FieldRules.Identifier(name, "name") ?? RoutingGatewayRules.CheckChanges(changes)) is { } invalid)
        {
            return invalid;
        }
        await LoadAsync(cancellationToken);
        using (await _directory.EnterWriteAsync(cancellationToken))
        {
            if (_gateways.FindRouting(name!) is not { } existing)
            {
                return NotFound(name!);
            }
            var gateway = JsonOverlay.Apply(existing, changes) with { Id = existing.Id };
            if ((RoutingGatewayRules.CheckMerged(gateway, _directory, _numbers)
                ?? RegistrationNameRules.CheckGateway(gateway.Name, gateway.RegisterType, _directory)) is { } refused)
            {
                return refused;
            }
            await _gateways.Store.UpdateRoutingGatewayAsync(gateway, cancellationToken);
            _gateways.PutRouting(gateway);
            if (RegistrationNameRules.VoidsRegistration(existing.Password, existing.RegisterType, gateway.Password,
                gateway.RegisterType, gateway.LockType))
            {
                _presence.RemoveBinding(GatewayKind.Routing, gateway.Name);
            }
            return ServiceResult.Ok;
        }
    }

    /// <summary>DeleteGatewayRouting (§3.18); its presence goes with it, so it no longer reports online.</summary>
    public async Task<ServiceResult> DeleteAsync(string? name, CancellationToken cancellationToken = default)
    {
        if (FieldRules.Identifier(name, "name") is { } invalid)
        {
            return invalid;
        }
        await LoadAsync(cancellationToken);
        using (await _directory.EnterWriteAsync(cancellationToken))
        {
            if (_gateways.FindRouting(name!) is null)
            {
                return NotFound(name!);
            }
            await _gateways.Store.DeleteRoutingGatewayAsync(name!, cancellationToken);
            _gateways.RemoveRouting(name!);
            _presence.Remove(GatewayKind.Routing, name!);
            return ServiceResult.Ok;
        }
    }

    /// <summary>GetGatewayRouting (§3.19): the named gateways (unknown names skipped), or all when none are named.</summary>
    public IReadOnlyList<RoutingGateway> Query(IReadOnlyList<string>? names) =>
        names is null
            ? _gateways.RoutingGateways.OrderBy(g => g.Name, StringComparer.Ordinal).ToArray()
            : names.Distinct(StringComparer.Ordinal).Select(_gateways.FindRouting).OfType<RoutingGateway>().ToArray();

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        await _gateways.LoadAsync(cancellationToken);
        await _numbers.LoadAsync(cancellationToken);
    }

    private static ServiceResult NotFound(string name) =>
        ServiceResult.Fail(ServiceError.NotFound, "name", $"Routing gateway '{name}' not found.");
}
