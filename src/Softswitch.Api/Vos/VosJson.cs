using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Softswitch.Core.Gateways;

namespace Softswitch.Api.Vos;

/// <summary>
/// JSON conventions of the VOS3000 dialect: the manual's camelCase names matched exactly (case-sensitive), numbers
/// only from JSON numbers (a "1" string for an Integer is refused, never coerced), unknown fields ignored, absent
/// optional fields left out of answers; gateways keep their kind's field order (<see cref="GatewayJsonOrder"/>).
/// </summary>
public static class VosJson
{
    public static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        PropertyNameCaseInsensitive = false,
        NumberHandling = JsonNumberHandling.Strict,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Skip,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        AllowDuplicateProperties = false,
        MaxDepth = 32,
        TypeInfoResolver = new DefaultJsonTypeInfoResolver { Modifiers = { GatewayJsonOrder.Modifier } },
    };

    public static readonly JsonDocumentOptions DocumentOptions = new()
    {
        AllowTrailingCommas = false,
        CommentHandling = JsonCommentHandling.Disallow,
        MaxDepth = 32,
        AllowDuplicateProperties = false,
    };
}
