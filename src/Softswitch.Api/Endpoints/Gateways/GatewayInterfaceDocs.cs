using Softswitch.Api.Vos.Catalog;

namespace Softswitch.Api.Endpoints.Gateways;

/// <summary>
/// What one gateway kind says about its five interfaces (manual section, summary, example, answer record);
/// <see cref="GatewayEndpoints"/> adds the mandatory name to Create, Modify and Delete.
/// </summary>
public sealed record GatewayInterfaceDocs(
    VosEndpointDoc Create, VosEndpointDoc Modify, VosEndpointDoc Get, VosEndpointDoc Delete, VosEndpointDoc Online);
