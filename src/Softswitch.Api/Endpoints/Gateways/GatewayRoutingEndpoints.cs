using Softswitch.Api.Composition;
using Softswitch.Api.Endpoints.Shared;
using Softswitch.Api.Vos;
using Softswitch.Core.Gateways;

namespace Softswitch.Api.Endpoints.Gateways;

/// <summary>Routing-gateway interfaces (落地网关), 001_… §3.16-§3.20. Translation only: RoutingGatewayService decides.</summary>
public static class GatewayRoutingEndpoints
{
    public static void Map(RouteGroupBuilder group)
    {
        group.MapVos<GatewayRoutingRequest, RoutingGatewayService>("CreateGatewayRouting",
            new("3.16", "Create a routing gateway (outbound carrier); unset fields take their defaults.")
            {
                Mandatory = ["name"],
                Example = """
                    {"name":"gw-out-carrier","prefix":"0086,86","prefixStyle":0,"capacity":200,"priority":1,
                    "registerType":0,"remoteIp":"198.51.100.20","protocol":1,"signalPort":5060,"rtpForwardType":1,
                    "timeoutInvite":8,"switchAllowBusy":false,"dtmfSendMethodSIP":10,"sipCodecs":["PCMA"],
                    "scheduledCallinPrefixes":[{"days":[1,2,3,4,5],"beginTime":28800,"endTime":64800,"action":1,"type":1,"prefixes":["86"]}],
                    "memo":"primary China carrier"}
                    """,
            },
            async (request, gateways, ct) => VosResults.From(await gateways.CreateAsync(request.Name, request, ct)));

        group.MapVos<GatewayRoutingRequest, RoutingGatewayService>("ModifyGatewayRouting",
            new("3.17", "Modify a routing gateway; absent fields keep their value.")
            {
                Mandatory = ["name"],
                Example = """{"name":"gw-out-carrier","capacity":300,"priority":2,"memo":"capacity raised"}""",
            },
            async (request, gateways, ct) => VosResults.From(await gateways.ModifyAsync(request.Name, request, ct)));

        group.MapVos<NameRequest, RoutingGatewayService>("DeleteGatewayRouting",
            new("3.18", "Delete a routing gateway.")
            {
                Mandatory = ["name"],
                Example = """{"name":"gw-out-carrier"}""",
            },
            async (request, gateways, ct) => VosResults.From(await gateways.DeleteAsync(request.Name, ct)));

        group.MapVos<NamesRequest, RoutingGatewayService>("GetGatewayRouting",
            new("3.19", "Query routing gateways by name; without names, all of them.")
            {
                Example = """{"names":["gw-out-carrier"]}""",
                Response = typeof(GetGatewayRoutingResponse),
            },
            (request, gateways, _) => Task.FromResult<VosResponse>(
                new GetGatewayRoutingResponse { InfoGatewayRoutings = gateways.Query(request.Names) }));

        group.MapVos<GatewayOnlineRequest>("GetGatewayRoutingOnline",
            new("3.20", "List routing gateways that are registered, reachable or carried traffic recently, with their live statistics.")
            {
                Example = """{"names":["gw-out-carrier"]}""",
                Response = typeof(GetGatewayRoutingOnlineResponse),
            },
            (request, context, _) =>
            {
                var online = context.RequestServices.GetRequiredService<GatewayOnlineList>();
                var now = context.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow();
                return Task.FromResult<VosResponse>(new GetGatewayRoutingOnlineResponse
                {
                    InfoGatewayRoutingOnlines = online.Routing(request.Names, request.SoftswitchName)
                        .Select(x => InfoGatewayRoutingOnline.From(x, now))
                        .ToArray(),
                });
            });
    }
}
