using System.Text.Json;

namespace Softswitch.Api.Vos;

/// <summary>
/// A parsed request body (always a JSON object). Mandatory fields are checked on the raw document, so a missing
/// field is told apart from a mistyped one; binding to a request record is strict (<see cref="VosJson"/>).
/// </summary>
public sealed class VosBody
{
    public VosBody(JsonElement root)
    {
        Root = root;
    }

    public JsonElement Root { get; }

    /// <summary>The first mandatory field that is absent or null, as a failure answer; null when all are there.</summary>
    public VosResponse? Require(params string[] fields)
    {
        foreach (string field in fields)
        {
            if (!Root.TryGetProperty(field, out var value) || value.ValueKind == JsonValueKind.Null)
            {
                return VosResponse.Fail(VosRetCode.MissingField, $"Missing mandatory field '{field}'.");
            }
        }
        return null;
    }

    /// <summary>Mandatory fields of a nested object, checked only when the object itself is given.</summary>
    public VosResponse? RequireIn(string parent, params string[] fields)
    {
        if (!Root.TryGetProperty(parent, out var obj) || obj.ValueKind != JsonValueKind.Object)
        {
            return null;
        }
        foreach (string field in fields)
        {
            if (!obj.TryGetProperty(field, out var value) || value.ValueKind == JsonValueKind.Null)
            {
                return VosResponse.Fail(VosRetCode.MissingField, $"Missing mandatory field '{parent}.{field}'.");
            }
        }
        return null;
    }

    /// <summary>Checks the mandatory fields, then binds; returns the failure answer, or null on success.</summary>
    public VosResponse? Read<T>(out T request, params string[] mandatory)
        where T : class, new()
    {
        if (Require(mandatory) is { } missing)
        {
            request = new T();
            return missing;
        }
        return TryBind(out request, out var error) ? null : error;
    }

    /// <summary>Binds the body to <typeparamref name="T"/>; a type mismatch names the field ("$.a.b" -> "a.b").</summary>
    public bool TryBind<T>(out T value, out VosResponse? error)
        where T : class, new()
    {
        try
        {
            value = Root.Deserialize<T>(VosJson.Options) ?? new T();
            error = null;
            return true;
        }
        catch (JsonException ex)
        {
            value = new T();
            string field = string.IsNullOrEmpty(ex.Path) || ex.Path == "$" ? "(body)" : ex.Path.TrimStart('$', '.');
            error = VosResponse.Fail(VosRetCode.WrongType,
                $"Field '{field}' has the wrong type{ExpectedType(ex.Message)}.");
            return false;
        }
    }

    /// <summary>Turns the serializer's .NET type name into the manual's type vocabulary, when recognisable.</summary>
    private static string ExpectedType(string message)
    {
        (string Clr, string Manual)[] names =
        [
            ("System.String[]", "String[]"), ("IReadOnlyList`1[System.String]", "String[]"),
            ("System.String", "String"), ("System.Int32", "Integer"), ("System.Int64", "Long"),
            ("System.Double", "Double"), ("System.Boolean", "Boolean"),
        ];
        foreach (var (clr, manual) in names)
        {
            if (message.Contains(clr, StringComparison.Ordinal))
            {
                return $": expected {manual}";
            }
        }
        return message.Contains("Softswitch.", StringComparison.Ordinal) ? ": expected an object" : "";
    }
}
