using System.Collections;
using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Reflection;
using System.Text.Json;

namespace Softswitch.Core.Configuration;

/// <summary>
/// The per-key rules of an options class, declared on its properties: <see cref="RangeAttribute"/> for numbers and
/// time spans, and the enum type itself for enums. Validators check them here and docs/configuration.md renders them
/// from the same attributes, so the documented range is the enforced one. Rules between keys stay in the validators.
/// </summary>
public static class OptionRules
{
    /// <summary>The configuration key of a property, as written in conf/softswitch.json (camelCase).</summary>
    public static string KeyOf(PropertyInfo property) => JsonNamingPolicy.CamelCase.ConvertName(property.Name);

    /// <summary>The properties the configuration binder sets: public, with a setter, or a collection to fill.</summary>
    public static IEnumerable<PropertyInfo> Keys(Type optionsType) =>
        optionsType.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.GetIndexParameters().Length == 0
                && (p.SetMethod is { IsPublic: true } || (p.PropertyType != typeof(string) && typeof(IEnumerable).IsAssignableFrom(p.PropertyType))));

    /// <summary>Adds one line per broken rule, naming the key and the value: "sip.port: 70000 is out of range 0-65535".</summary>
    public static void Check(string section, object options, ICollection<string> failures)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(failures);
        foreach (var property in Keys(options.GetType()))
        {
            object? value = property.GetValue(options);
            string key = $"{section}.{KeyOf(property)}";
            if (property.GetCustomAttribute<RangeAttribute>() is { } range && value is not null && !range.IsValid(value))
            {
                failures.Add($"{key}: {Format(value)} is out of range {RangeText(range)}");
            }
            Type type = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
            if (type.IsEnum && value is not null && !Enum.IsDefined(type, value))
            {
                failures.Add($"{key}: {Format(value)} is not one of {string.Join(", ", Enum.GetNames(type))}");
            }
        }
    }

    /// <summary>"0-65535"; a bound at the type's limit is left open ("1 or more").</summary>
    public static string RangeText(RangeAttribute range)
    {
        ArgumentNullException.ThrowIfNull(range);
        string min = Format(range.Minimum);
        string max = Format(range.Maximum);
        return range.Maximum is int.MaxValue or double.MaxValue ? $"{min} or more" : $"{min}-{max}";
    }

    /// <summary>A value as the configuration file writes it: invariant numbers, TimeSpan without trailing zeros.</summary>
    public static string Format(object? value) => value switch
    {
        null => "null",
        string s => s,
        bool b => b ? "true" : "false",
        TimeSpan t => FormatTimeSpan(t),
        Enum e => e.ToString(),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        IEnumerable items => JsonSerializer.Serialize(items.Cast<object?>().Select(i => i?.ToString())),
        _ => value.ToString() ?? "",
    };

    private static string FormatTimeSpan(TimeSpan t)
    {
        string text = t.ToString("c", CultureInfo.InvariantCulture);
        return text.Contains('.', StringComparison.Ordinal) && text.LastIndexOf('.') > text.LastIndexOf(':')
            ? text.TrimEnd('0')
            : text;
    }
}
