using System.Collections;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Softswitch.Api.Vos.Catalog;

/// <summary>
/// OpenAPI 3.0 schemas of the VOS records, reflected through <see cref="VosJson.Options"/> so the property names
/// are exactly those on the wire (camelCase, [JsonPropertyName] honoured). Nested records become components,
/// written once each by <see cref="WriteComponents"/>; a schema that needs its own "required" list is inlined.
/// </summary>
internal sealed class VosJsonSchemaWriter
{
    /// <summary>VosJson's conventions, with the reflection resolver its options get only once they serialize.</summary>
    private static readonly JsonSerializerOptions Options = new(VosJson.Options)
    {
        TypeInfoResolver = VosJson.Options.TypeInfoResolver ?? new DefaultJsonTypeInfoResolver(),
    };

    private readonly Dictionary<string, Type> _components = new(StringComparer.Ordinal);

    /// <summary>
    /// An object schema of <paramref name="type"/> with <paramref name="mandatory"/> as its required list;
    /// "parent.child" entries make the parent's schema inline with its own required list.
    /// </summary>
    public void WriteObject(Utf8JsonWriter writer, Type type, IReadOnlyList<string> mandatory)
    {
        writer.WriteStartObject();
        writer.WriteString("type", "object");
        var info = Options.GetTypeInfo(type);
        writer.WriteStartObject("properties");
        foreach (var property in info.Properties.Where(p => p.Get is not null || p.Set is not null))
        {
            writer.WritePropertyName(property.Name);
            string[] nested = mandatory
                .Where(m => m.StartsWith(property.Name + ".", StringComparison.Ordinal))
                .Select(m => m[(property.Name.Length + 1)..])
                .ToArray();
            if (nested.Length > 0)
            {
                WriteObject(writer, Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType, nested);
            }
            else
            {
                WriteSchema(writer, property.PropertyType);
            }
        }
        writer.WriteEndObject();
        string[] required = mandatory.Where(m => !m.Contains('.', StringComparison.Ordinal))
            .Concat(info.Properties.Where(p => p.IsRequired).Select(p => p.Name))
            .Distinct(StringComparer.Ordinal)
            .ToArray();
        if (required.Length > 0)
        {
            writer.WriteStartArray("required");
            foreach (string name in required)
            {
                writer.WriteStringValue(name);
            }
            writer.WriteEndArray();
        }
        writer.WriteEndObject();
    }

    /// <summary>A property's schema: a primitive, an array, a map, or a reference to a component.</summary>
    public void WriteSchema(Utf8JsonWriter writer, Type type)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        writer.WriteStartObject();
        if (Primitive(type) is var (name, format))
        {
            writer.WriteString("type", name);
            if (format is not null)
            {
                writer.WriteString("format", format);
            }
        }
        else if (DictionaryValue(type) is { } value)
        {
            writer.WriteString("type", "object");
            writer.WritePropertyName("additionalProperties");
            WriteSchema(writer, value);
        }
        else if (ElementType(type) is { } element)
        {
            writer.WriteString("type", "array");
            writer.WritePropertyName("items");
            WriteSchema(writer, element);
        }
        else
        {
            writer.WriteString("$ref", "#/components/schemas/" + Reference(type));
        }
        writer.WriteEndObject();
    }

    /// <summary>A $ref to <paramref name="type"/>'s component (written later by <see cref="WriteComponents"/>).</summary>
    public void WriteReference(Utf8JsonWriter writer, Type type)
    {
        writer.WriteStartObject();
        writer.WriteString("$ref", "#/components/schemas/" + Reference(type));
        writer.WriteEndObject();
    }

    /// <summary>Every referenced record, including those referenced only from other components.</summary>
    public void WriteComponents(Utf8JsonWriter writer)
    {
        writer.WriteStartObject("schemas");
        var written = new HashSet<string>(StringComparer.Ordinal);
        while (_components.Keys.FirstOrDefault(k => !written.Contains(k)) is { } next)
        {
            written.Add(next);
            writer.WritePropertyName(next);
            // Every answer carries retCode (M in each "返回格式" table of 001_… §3).
            Type type = _components[next];
            WriteObject(writer, type, type.IsAssignableTo(typeof(VosResponse)) ? ["retCode"] : []);
        }
        writer.WriteEndObject();
    }

    private string Reference(Type type)
    {
        _components.TryAdd(type.Name, type);
        return type.Name;
    }

    private static (string Type, string? Format)? Primitive(Type type)
    {
        if (type.IsEnum)
        {
            // VosJson has no enum converter: enums travel as their integer codes, as the manual's fields do.
            return ("integer", "int32");
        }
        return Type.GetTypeCode(type) switch
        {
            TypeCode.String or TypeCode.Char => ("string", null),
            TypeCode.Boolean => ("boolean", null),
            TypeCode.Byte or TypeCode.SByte or TypeCode.Int16 or TypeCode.UInt16 or TypeCode.Int32 => ("integer", "int32"),
            TypeCode.UInt32 or TypeCode.Int64 or TypeCode.UInt64 => ("integer", "int64"),
            TypeCode.Single => ("number", "float"),
            TypeCode.Double or TypeCode.Decimal => ("number", "double"),
            TypeCode.DateTime => ("string", "date-time"),
            _ when type == typeof(DateTimeOffset) => ("string", "date-time"),
            _ when type == typeof(JsonElement) || type == typeof(object) => ("object", null),
            _ => null,
        };
    }

    private static Type? DictionaryValue(Type type) =>
        type.GetInterfaces().Append(type)
            .FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IDictionary<,>) ||
                                 i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IReadOnlyDictionary<,>))
            ?.GetGenericArguments()[1];

    private static Type? ElementType(Type type)
    {
        if (type.IsArray)
        {
            return type.GetElementType();
        }
        if (!typeof(IEnumerable).IsAssignableFrom(type))
        {
            return null;
        }
        return type.GetInterfaces().Append(type)
            .FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>))
            ?.GetGenericArguments()[0];
    }
}
