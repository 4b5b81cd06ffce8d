using System.Text.Json;
using System.Text.Json.Nodes;

namespace Softswitch.Core.Management;

/// <summary>
/// Merges two setting bags whose properties are all nullable (null = "not given"): every property set in the
/// patch replaces the base one, recursively for nested objects. Modify* requests (001_… §3.2, §3.7) only carry
/// the fields to change, including inside InfoPhoneAdditional and friends, and writing that merge by hand for
/// ~90 fields would be a place for fields to be forgotten.
/// </summary>
internal static class JsonOverlay
{
    public static T Apply<T>(T baseValue, T? patch)
        where T : class
    {
        if (patch is null)
        {
            return baseValue;
        }
        var target = JsonSerializer.SerializeToNode(baseValue, StoreJson.Options) as JsonObject ?? [];
        var overlay = JsonSerializer.SerializeToNode(patch, StoreJson.Options) as JsonObject ?? [];
        Merge(target, overlay);
        return target.Deserialize<T>(StoreJson.Options) ?? baseValue;
    }

    private static void Merge(JsonObject target, JsonObject overlay)
    {
        foreach (var (name, value) in overlay.ToArray())
        {
            if (value is JsonObject child && target[name] is JsonObject existing)
            {
                Merge(existing, child);
            }
            else
            {
                target[name] = value?.DeepClone();
            }
        }
    }
}
