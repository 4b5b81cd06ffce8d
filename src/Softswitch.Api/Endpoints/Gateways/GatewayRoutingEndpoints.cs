using Softswitch.Core.Gateways;

namespace Softswitch.Api.Endpoints.Gateways;

/// <summary>Routing-gateway interfaces (落地网关), 001_… §3.16-§3.20, through <see cref="GatewayEndpoints"/>.</summary>
public static class GatewayRoutingEndpoints
{
    public static void Map(RouteGroupBuilder group) =>
        GatewayEndpoints.Map<GatewayRoutingRequest, RoutingGatewayService, RoutingGateway, RoutingGatewayChanges>(
            group, "GatewayRouting",
            new GatewayInterfaceDocs(
                Create: new("3.16", "Create a routing gateway (outbound carrier); unset fields take their defaults.")
                {
                    Example = """
                        {"name":"gw-out-carrier","prefix":"0086,86","prefixStyle":0,"capacity":200,"priority":1,
                        "registerType":0,"remoteIp":"198.51.100.20","protocol":1,"signalPort":5060,"rtpForwardType":1,
                        "timeoutInvite":8,"switchAllowBusy":false,"dtmfSendMethodSIP":10,"sipCodecs":["PCMA"],
                        "scheduledCallinPrefixes":[{"days":[1,2,3,4,5],"beginTime":28800,"endTime":64800,"action":1,"type":1,"prefixes":["86"]}],
                        "memo":"primary China carrier"}
                        """,
                },
                Modify: new("3.17", "Modify a routing gateway; absent fields keep their value.")
                {
                    Example = """{"name":"gw-out-carrier","capacity":300,"priority":2,"memo":"capacity raised"}""",
                },
                Get: new("3.19", "Query routing gateways by name; without names, all of them.")
                {
                    Example = """{"names":["gw-out-carrier"]}""",
                    Response = typeof(GetGatewayRoutingResponse),
                },
                Delete: new("3.18", "Delete a routing gateway.") { Example = """{"name":"gw-out-carrier"}""" },
                Online: new("3.20", "List routing gateways that are registered, reachable or carried traffic recently, with their live statistics.")
                {
                    Example = """{"names":["gw-out-carrier"]}""",
                    Response = typeof(GetGatewayRoutingOnlineResponse),
                }),
            (gateways, _) => new GetGatewayRoutingResponse { InfoGatewayRoutings = gateways },
            (online, request, now) => new GetGatewayRoutingOnlineResponse
            {
                InfoGatewayRoutingOnlines = online.Routing(request.Names, request.SoftswitchName)
                    .Select(x => InfoGatewayRoutingOnline.From(x, now))
                    .ToArray(),
            });
}
