using Softswitch.Api.Endpoints.Customers;
using Softswitch.Api.Endpoints.Gateways;
using Softswitch.Api.Endpoints.Numbers;

namespace Softswitch.Api.Composition;

/// <summary>Maps the gateway, number and account-list interfaces into the VOS3000 group.</summary>
public static class GatewayNumberEndpointRouteBuilderExtensions
{
    public static RouteGroupBuilder MapVosGatewaysAndNumbers(this RouteGroupBuilder group)
    {
        CustomerListEndpoints.Map(group);
        GatewayMappingEndpoints.Map(group);
        GatewayRoutingEndpoints.Map(group);
        BindedE164Endpoints.Map(group);
        E164ConvertEndpoints.Map(group);
        CustomerPhoneBookEndpoints.Map(group);
        LimitE164Endpoints.Map(group);
        MobileAreaEndpoints.Map(group);
        return group;
    }
}
