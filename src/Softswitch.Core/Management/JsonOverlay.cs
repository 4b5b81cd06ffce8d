using System.Text.Json;
using System.Text.Json.Nodes;

namespace Softswitch.Core.Management;

/// <summary>
/// Applies a change record (every property nullable, null = "not given") onto a record with the same JSON property
/// names: each given property replaces the stored one; nested objects (InfoPhoneAdditional and friends) are merged
/// the same way, field by field; lists are replaced as a whole. Modify* requests (001_… §3.2, §3.7, §3.12, §3.17)
/// carry only the fields to change, and phones and gateways have from ~30 to over a hundred fields: a copy written
/// by hand would be a place for fields to be forgotten. Tests check that every change property exists on its record.
/// </summary>
internal static class JsonOverlay
{
    public static TTarget Apply<TTarget, TChanges>(TTarget target, TChanges? changes)
        where TTarget : class
        where TChanges : class
    {
        if (changes is null)
        {
            return target;
        }
        var node = JsonSerializer.SerializeToNode(target, StoreJson.Options) as JsonObject ?? [];
        // Serialised as TChanges, not the runtime type: an API request record derived from the change record adds
        // its key (name, e164) and spelling aliases, which are not changes.
        var patch = JsonSerializer.SerializeToNode<TChanges>(changes, StoreJson.Options) as JsonObject ?? [];
        Merge(node, patch);
        return node.Deserialize<TTarget>(StoreJson.Options)
            ?? throw new InvalidOperationException($"{typeof(TTarget).Name} did not survive the overlay.");
    }

    private static void Merge(JsonObject target, JsonObject patch)
    {
        foreach (var (name, value) in patch.ToArray())
        {
            if (value is null)
            {
                continue;
            }
            if (value is JsonObject child && target[name] is JsonObject existing)
            {
                Merge(existing, child);
            }
            else
            {
                target[name] = value.DeepClone();
            }
        }
    }
}
