using Softswitch.Core.Management;
using Softswitch.Core.Numbers;

namespace Softswitch.Core.Gateways;

/// <summary>
/// Mapping-gateway management (对接网关, 001_… §3.11-§3.14; the online list of §3.15 is <see cref="GatewayOnlineList"/>):
/// <see cref="GatewayService{TGateway, TChanges}"/> over the mapping table, with the mapping rules. §3.12 has no
/// softswitchName, so a mapping gateway's softswitch is fixed at creation and a value given to Modify is ignored.
/// </summary>
public sealed class MappingGatewayService : GatewayService<MappingGateway, MappingGatewayChanges>
{
    public MappingGatewayService(DirectoryState directory, GatewayState gateways, NumberState numbers,
        GatewayPresence presence)
        : base(directory, gateways, numbers, presence, GatewayKind.Mapping, "Mapping gateway")
    {
    }

    /// <summary>InfoGatewayMapping.accountName (§3.13): the name of the billing account, "" when none.</summary>
    public string AccountName(MappingGateway gateway) =>
        gateway.Account.Length == 0 ? "" : Directory.FindCustomer(gateway.Account)?.Name ?? "";

    private protected override IEnumerable<MappingGateway> All => Gateways.MappingGateways;

    private protected override MappingGateway? FindGateway(string name) => Gateways.FindMapping(name);

    private protected override MappingGateway New(string name) => new() { Name = name };

    private protected override ServiceResult? CheckChanges(MappingGatewayChanges changes) => MappingGatewayRules.CheckChanges(changes);

    private protected override ServiceResult? CheckMerged(MappingGateway gateway) =>
        MappingGatewayRules.CheckMerged(gateway, Directory, Numbers, Gateways);

    private protected override MappingGatewayChanges Modifiable(MappingGatewayChanges changes) => changes with { SoftswitchName = null };

    private protected override Task<long> InsertAsync(MappingGateway gateway, CancellationToken cancellationToken) =>
        Gateways.Store.InsertMappingGatewayAsync(gateway, cancellationToken);

    private protected override Task UpdateAsync(MappingGateway gateway, CancellationToken cancellationToken) =>
        Gateways.Store.UpdateMappingGatewayAsync(gateway, cancellationToken);

    private protected override Task DeleteStoredAsync(string name, CancellationToken cancellationToken) =>
        Gateways.Store.DeleteMappingGatewayAsync(name, cancellationToken);

    private protected override void Put(MappingGateway gateway) => Gateways.PutMapping(gateway);

    private protected override void Remove(string name) => Gateways.RemoveMapping(name);
}
