using System.Text.Json;
using System.Text.Json.Nodes;
using Softswitch.Api.Composition;
using Softswitch.Api.Endpoints.Shared;
using Softswitch.Api.Vos;
using Softswitch.Core.Gateways;

namespace Softswitch.Api.Endpoints.Gateways;

/// <summary>Mapping-gateway interfaces (对接网关), 001_… §3.11-§3.15. Translation only: MappingGatewayService decides.</summary>
public static class GatewayMappingEndpoints
{
    public static void Map(RouteGroupBuilder group)
    {
        group.MapVos<GatewayMappingRequest, MappingGatewayService>("CreateGatewayMapping",
            new("3.11", "Create a mapping gateway (inbound trunk); unset fields take their defaults.")
            {
                Mandatory = ["name"],
                Example = """
                    {"name":"gw-in-acme","lockType":0,"callLevel":5,"capacity":60,"registerType":0,
                    "remoteIps":"192.0.2.10,192.0.2.11","account":"demo","rtpForwardType":1,
                    "maxCallDurationLower":-1,"maxCallDurationUpper":-1,"dtmfSendMethodSIP":10,
                    "sipCodecAssign":true,"sipCodecs":["PCMA","PCMU"],
                    "proportionCalleePrefixs":[{"proportion":70,"addPrefix":"10"},{"proportion":30,"addPrefix":"20"}],
                    "memo":"inbound trunk from Acme"}
                    """,
            },
            async (request, gateways, ct) => VosResults.From(await gateways.CreateAsync(request.Name, request, ct)));

        group.MapVos<GatewayMappingRequest, MappingGatewayService>("ModifyGatewayMapping",
            new("3.12", "Modify a mapping gateway; absent fields keep their value, softswitchName is fixed at creation.")
            {
                Mandatory = ["name"],
                Example = """{"name":"gw-in-acme","capacity":120,"lockType":3,"memo":"locked for maintenance"}""",
            },
            async (request, gateways, ct) => VosResults.From(await gateways.ModifyAsync(request.Name, request, ct)));

        group.MapVos<NamesRequest, MappingGatewayService>("GetGatewayMapping",
            new("3.13", "Query mapping gateways by name; without names, all of them.")
            {
                Example = """{"names":["gw-in-acme"]}""",
                Response = typeof(GetGatewayMappingResponse),
            },
            (request, gateways, _) => Task.FromResult<VosResponse>(new GetGatewayMappingResponse
            {
                InfoGatewayMappings = gateways.Query(request.Names).Select(g => Info(g, gateways)).ToArray(),
            }));

        group.MapVos<NameRequest, MappingGatewayService>("DeleteGatewayMapping",
            new("3.14", "Delete a mapping gateway.")
            {
                Mandatory = ["name"],
                Example = """{"name":"gw-in-acme"}""",
            },
            async (request, gateways, ct) => VosResults.From(await gateways.DeleteAsync(request.Name, ct)));

        group.MapVos<GatewayOnlineRequest>("GetGatewayMappingOnline",
            new("3.15", "List mapping gateways that are registered or carried traffic recently, with their live statistics.")
            {
                Example = """{"names":["gw-in-acme"]}""",
                Response = typeof(GetGatewayMappingOnlineResponse),
            },
            (request, context, _) =>
            {
                var online = context.RequestServices.GetRequiredService<GatewayOnlineList>();
                var now = context.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow();
                return Task.FromResult<VosResponse>(new GetGatewayMappingOnlineResponse
                {
                    InfoGatewayMappingOnlines = online.Mapping(request.Names, request.SoftswitchName)
                        .Select(x => InfoGatewayMappingOnline.From(x, now))
                        .ToArray(),
                });
            });
    }

    /// <summary>InfoGatewayMapping (§3.13): the gateway's own fields plus accountName, the billing account's name.</summary>
    private static JsonElement Info(MappingGateway gateway, MappingGatewayService gateways)
    {
        var node = JsonSerializer.SerializeToNode(gateway, VosJson.Options) as JsonObject ?? [];
        node["accountName"] = gateways.AccountName(gateway);
        return JsonSerializer.SerializeToElement(node, VosJson.Options);
    }
}
