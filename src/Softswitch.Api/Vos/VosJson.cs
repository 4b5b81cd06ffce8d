using System.Text.Json;
using System.Text.Json.Serialization;

namespace Softswitch.Api.Vos;

/// <summary>
/// JSON conventions of the VOS3000 dialect: the manual's camelCase names matched exactly (case-sensitive), numbers
/// only from JSON numbers (a "1" string for an Integer is refused, never coerced), unknown fields ignored, absent
/// optional fields left out of answers.
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
    };

    public static readonly JsonDocumentOptions DocumentOptions = new()
    {
        AllowTrailingCommas = false,
        CommentHandling = JsonCommentHandling.Disallow,
        MaxDepth = 32,
        AllowDuplicateProperties = false,
    };
}
