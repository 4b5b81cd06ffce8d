using System.Text.Json;
using System.Text.Json.Nodes;
using Softswitch.Api.Vos;
using Softswitch.Core.Gateways;

namespace Softswitch.Api.Endpoints.Gateways;

/// <summary>Mapping-gateway interfaces (对接网关), 001_… §3.11-§3.15, through <see cref="GatewayEndpoints"/>.</summary>
public static class GatewayMappingEndpoints
{
    public static void Map(RouteGroupBuilder group) =>
        GatewayEndpoints.Map<GatewayMappingRequest, MappingGatewayService, MappingGateway, MappingGatewayChanges>(
            group, "GatewayMapping",
            new GatewayInterfaceDocs(
                Create: new("3.11", "Create a mapping gateway (inbound trunk); unset fields take their defaults.")
                {
                    Example = """
                        {"name":"gw-in-acme","lockType":0,"callLevel":5,"capacity":60,"registerType":0,
                        "remoteIps":"192.0.2.10,192.0.2.11","account":"demo","rtpForwardType":1,
                        "maxCallDurationLower":-1,"maxCallDurationUpper":-1,"dtmfSendMethodSIP":10,
                        "sipCodecAssign":true,"sipCodecs":["PCMA","PCMU"],
                        "proportionCalleePrefixs":[{"proportion":70,"addPrefix":"10"},{"proportion":30,"addPrefix":"20"}],
                        "memo":"inbound trunk from Acme"}
                        """,
                },
                Modify: new("3.12", "Modify a mapping gateway; absent fields keep their value, softswitchName is fixed at creation.")
                {
                    Example = """{"name":"gw-in-acme","capacity":120,"lockType":3,"memo":"locked for maintenance"}""",
                },
                Get: new("3.13", "Query mapping gateways by name; without names, all of them.")
                {
                    Example = """{"names":["gw-in-acme"]}""",
                    Response = typeof(GetGatewayMappingResponse),
                },
                Delete: new("3.14", "Delete a mapping gateway.") { Example = """{"name":"gw-in-acme"}""" },
                Online: new("3.15", "List mapping gateways that are registered or carried traffic recently, with their live statistics.")
                {
                    Example = """{"names":["gw-in-acme"]}""",
                    Response = typeof(GetGatewayMappingOnlineResponse),
                }),
            (gateways, service) => new GetGatewayMappingResponse
            {
                InfoGatewayMappings = gateways.Select(g => Info(g, service)).ToArray(),
            },
            (online, request, now) => new GetGatewayMappingOnlineResponse
            {
                InfoGatewayMappingOnlines = online.Mapping(request.Names, request.SoftswitchName)
                    .Select(x => InfoGatewayMappingOnline.From(x, now))
                    .ToArray(),
            });

    /// <summary>InfoGatewayMapping (§3.13): the gateway's own fields plus accountName, the billing account's name.</summary>
    private static JsonElement Info(MappingGateway gateway, MappingGatewayService gateways)
    {
        var node = JsonSerializer.SerializeToNode(gateway, VosJson.Options) as JsonObject ?? [];
        node["accountName"] = gateways.AccountName(gateway);
        return JsonSerializer.SerializeToElement(node, VosJson.Options);
    }
}
