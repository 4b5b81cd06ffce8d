using Softswitch.Core.Management;
using Softswitch.Core.Numbers;

namespace Softswitch.Core.Gateways;

/// <summary>
/// Mapping-gateway management (对接网关, 001_… §3.11-§3.14; the online list of §3.15 is <see cref="GatewayOnlineList"/>). Writes validate, write the store, then update memory,
/// inside the write gate shared with accounts, phones and numbers (a gateway refers to accounts and number groups);
/// reads come from memory only.
/// </summary>
public sealed class MappingGatewayService
{
    private readonly DirectoryState _directory;
    private readonly GatewayState _gateways;
    private readonly NumberState _numbers;
    private readonly GatewayPresence _presence;

    public MappingGatewayService(DirectoryState directory, GatewayState gateways, NumberState numbers,
        GatewayPresence presence)
    {
        _directory = directory;
        _gateways = gateways;
        _numbers = numbers;
        _presence = presence;
    }

    public MappingGateway? Find(string name) => _gateways.FindMapping(name);

    /// <summary>InfoGatewayMapping.accountName (§3.13): the name of the billing account, "" when none.</summary>
    public string AccountName(MappingGateway gateway) =>
        gateway.Account.Length == 0 ? "" : _directory.FindCustomer(gateway.Account)?.Name ?? "";

    /// <summary>CreateGatewayMapping (§3.11): name is mandatory and new; other fields default.</summary>
    public async Task<ServiceResult> CreateAsync(string? name, MappingGatewayChanges changes, CancellationToken cancellationToken = default)
    {
        if ((FieldRules.Identifier(name, "name") ?? MappingGatewayRules.CheckChanges(changes)) is { } invalid)
        {
            return invalid;
        }
        await LoadAsync(cancellationToken);
        using (await _directory.EnterWriteAsync(cancellationToken))
        {
            if (_gateways.FindMapping(name!) is not null)
            {
                return ServiceResult.Fail(ServiceError.Duplicate, "name", $"Mapping gateway '{name}' already exists.");
            }
            var gateway = JsonOverlay.Apply(new MappingGateway { Name = name! }, changes);
            if ((MappingGatewayRules.CheckMerged(gateway, _directory, _numbers, _gateways)
                ?? RegistrationNameRules.CheckGateway(gateway.Name, gateway.RegisterType, _directory)) is { } refused)
            {
                return refused;
            }
            long id = await _gateways.Store.InsertMappingGatewayAsync(gateway, cancellationToken);
            _gateways.PutMapping(gateway with { Id = id });
            return ServiceResult.Ok;
        }
    }

    /// <summary>
    /// ModifyGatewayMapping (§3.12): only the fields given change. §3.12 has no softswitchName, so the gateway's
    /// softswitch is fixed at creation and a value given here is ignored.
    /// </summary>
    public async Task<ServiceResult> ModifyAsync(string? name, MappingGatewayChanges changes, CancellationToken cancellationToken = default)
    {
        if ((FieldRules.Identifier(name, "name") ?? MappingGatewayRules.CheckChanges(changes)) is { } invalid)
        {
            return invalid;
        }
        await LoadAsync(cancellationToken);
        using (await _directory.EnterWriteAsync(cancellationToken))
        {
            if (_gateways.FindMapping(name!) is not { } existing)
            {
                return NotFound(name!);
            }
            var gateway = JsonOverlay.Apply(existing, changes with { SoftswitchName = null }) with { Id = existing.Id };
            if ((MappingGatewayRules.CheckMerged(gateway, _directory, _numbers, _gateways)
                ?? RegistrationNameRules.CheckGateway(gateway.Name, gateway.RegisterType, _directory)) is { } refused)
            {
                return refused;
            }
            await _gateways.Store.UpdateMappingGatewayAsync(gateway, cancellationToken);
            _gateways.PutMapping(gateway);
            if (RegistrationNameRules.VoidsRegistration(existing.Password, existing.RegisterType, gateway.Password,
                gateway.RegisterType, gateway.LockType))
            {
                _presence.RemoveBinding(GatewayKind.Mapping, gateway.Name);
            }
            return ServiceResult.Ok;
        }
    }

    /// <summary>DeleteGatewayMapping (§3.14); its presence goes with it, so it no longer reports online.</summary>
    public async Task<ServiceResult> DeleteAsync(string? name, CancellationToken cancellationToken = default)
    {
        if (FieldRules.Identifier(name, "name") is { } invalid)
        {
            return invalid;
        }
        await LoadAsync(cancellationToken);
        using (await _directory.EnterWriteAsync(cancellationToken))
        {
            if (_gateways.FindMapping(name!) is null)
            {
                return NotFound(name!);
            }
            await _gateways.Store.DeleteMappingGatewayAsync(name!, cancellationToken);
            _gateways.RemoveMapping(name!);
            _presence.Remove(GatewayKind.Mapping, name!);
            return ServiceResult.Ok;
        }
    }

    /// <summary>GetGatewayMapping (§3.13): the named gateways (unknown names skipped), or all when none are named.</summary>
    public IReadOnlyList<MappingGateway> Query(IReadOnlyList<string>? names) =>
        names is null
            ? _gateways.MappingGateways.OrderBy(g => g.Name, StringComparer.Ordinal).ToArray()
            : names.Distinct(StringComparer.Ordinal).Select(_gateways.FindMapping).OfType<MappingGateway>().ToArray();

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        await _gateways.LoadAsync(cancellationToken);
        await _numbers.LoadAsync(cancellationToken);
    }

    private static ServiceResult NotFound(string name) =>
        ServiceResult.Fail(ServiceError.NotFound, "name", $"Mapping gateway '{name}' not found.");
}
