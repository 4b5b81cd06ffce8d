using System.Text.Json;
using System.Text.Json.Serialization;

namespace Softswitch.Core.Pushes;

/// <summary>
/// JSON of the push bodies: camelCase property names, which are exactly the manual's field names (001_… §4.2-§4.7),
/// and optional fields left out when null.
/// </summary>
public static class PushJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public static string Serialize(object body)
    {
        ArgumentNullException.ThrowIfNull(body);
        return JsonSerializer.Serialize(body, body.GetType(), Options);
    }
}
