using System.Text.Json;
using System.Text.Json.Nodes;
using Softswitch.Core.Management;

namespace Softswitch.Core.Gateways;

/// <summary>
/// Applies a *Changes record (every property nullable, null = not given) onto a gateway record with the same
/// property names: each given property replaces the stored one, lists as a whole. Gateways have over a hundred
/// fields (001_… §3.11, §3.16) and writing that copy by hand would be a place for fields to be forgotten; a test
/// checks that every Changes property exists on the gateway.
/// </summary>
internal static class GatewayOverlay
{
    public static TGateway Apply<TGateway, TChanges>(TGateway gateway, TChanges changes)
        where TGateway : class
        where TChanges : class
    {
        var target = JsonSerializer.SerializeToNode(gateway, StoreJson.Options) as JsonObject ?? [];
        // Serialised as TChanges, not the runtime type: the API's request record adds the name, which is not a change.
        var patch = JsonSerializer.SerializeToNode<TChanges>(changes, StoreJson.Options) as JsonObject ?? [];
        foreach (var (name, value) in patch)
        {
            if (name != "name" && value is not null)
            {
                target[name] = value.DeepClone();
            }
        }
        return target.Deserialize<TGateway>(StoreJson.Options)
            ?? throw new InvalidOperationException($"{typeof(TGateway).Name} did not survive the overlay.");
    }
}
