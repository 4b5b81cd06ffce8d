using Softswitch.Core.Gateways;

namespace Softswitch.Core.Store;

/// <summary>
/// Durable storage of mapping and routing gateways; see <see cref="ICustomerStore"/> for the write discipline.
/// Inserts return the new row id.
/// </summary>
public interface IGatewayStore
{
    Task<IReadOnlyList<MappingGateway>> LoadMappingGatewaysAsync(CancellationToken cancellationToken = default);

    Task<long> InsertMappingGatewayAsync(MappingGateway gateway, CancellationToken cancellationToken = default);

    Task UpdateMappingGatewayAsync(MappingGateway gateway, CancellationToken cancellationToken = default);

    Task<bool> DeleteMappingGatewayAsync(string name, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<RoutingGateway>> LoadRoutingGatewaysAsync(CancellationToken cancellationToken = default);

    Task<long> InsertRoutingGatewayAsync(RoutingGateway gateway, CancellationToken cancellationToken = default);

    Task UpdateRoutingGatewayAsync(RoutingGateway gateway, CancellationToken cancellationToken = default);

    Task<bool> DeleteRoutingGatewayAsync(string name, CancellationToken cancellationToken = default);
}
