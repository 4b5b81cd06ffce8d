using Softswitch.Core.Management;
using Softswitch.Core.Numbers;

namespace Softswitch.Core.Gateways;

/// <summary>
/// Routing-gateway management (落地网关, 001_… §3.16-§3.19; the online list of §3.20 is <see cref="GatewayOnlineList"/>):
/// <see cref="GatewayService{TGateway, TChanges}"/> over the routing table, with the routing rules.
/// </summary>
public sealed class RoutingGatewayService : GatewayService<RoutingGateway, RoutingGatewayChanges>
{
    public RoutingGatewayService(DirectoryState directory, GatewayState gateways, NumberState numbers,
        GatewayPresence presence)
        : base(directory, gateways, numbers, presence, GatewayKind.Routing, "Routing gateway")
    {
    }

    private protected override IEnumerable<RoutingGateway> All => Gateways.RoutingGateways;

    private protected override RoutingGateway? FindGateway(string name) => Gateways.FindRouting(name);

    private protected override RoutingGateway New(string name) => new() { Name = name };

    private protected override ServiceResult? CheckChanges(RoutingGatewayChanges changes) => RoutingGatewayRules.CheckChanges(changes);

    private protected override ServiceResult? CheckMerged(RoutingGateway gateway) =>
        RoutingGatewayRules.CheckMerged(gateway, Directory, Numbers);

    private protected override Task<long> InsertAsync(RoutingGateway gateway, CancellationToken cancellationToken) =>
        Gateways.Store.InsertRoutingGatewayAsync(gateway, cancellationToken);

    private protected override Task UpdateAsync(RoutingGateway gateway, CancellationToken cancellationToken) =>
        Gateways.Store.UpdateRoutingGatewayAsync(gateway, cancellationToken);

    private protected override Task DeleteStoredAsync(string name, CancellationToken cancellationToken) =>
        Gateways.Store.DeleteRoutingGatewayAsync(name, cancellationToken);

    private protected override void Put(RoutingGateway gateway) => Gateways.PutRouting(gateway);

    private protected override void Remove(string name) => Gateways.RemoveRouting(name);
}
