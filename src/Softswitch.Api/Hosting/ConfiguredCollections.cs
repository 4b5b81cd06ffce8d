using System.Collections;
using System.Reflection;
using Softswitch.Core.Configuration;

namespace Softswitch.Api.Hosting;

/// <summary>
/// The configuration binder appends a configured list to the items the options class starts with (a List, an array
/// or a read-only list alike), so "switchErrorCodes": [486] would become the five defaults plus 486. Before binding,
/// every collection property that the configuration sets is emptied, so a configured list replaces the default.
/// </summary>
internal static class ConfiguredCollections
{
    public static void Clear(object options, IConfigurationSection section)
    {
        foreach (var property in OptionRules.Keys(options.GetType()))
        {
            if (property.PropertyType == typeof(string) || !typeof(IEnumerable).IsAssignableFrom(property.PropertyType)
                || !property.CanWrite || !section.GetSection(OptionRules.KeyOf(property)).GetChildren().Any())
            {
                continue;
            }
            if (Empty(property) is { } empty)
            {
                property.SetValue(options, empty);
            }
        }
    }

    /// <summary>An empty instance of the property's collection type: a new List or dictionary, else an empty array.</summary>
    private static object? Empty(PropertyInfo property)
    {
        var type = property.PropertyType;
        if (!type.IsInterface && !type.IsArray && type.GetConstructor(Type.EmptyTypes) is not null)
        {
            return Activator.CreateInstance(type);
        }
        var element = type.IsArray ? type.GetElementType()
            : type.IsGenericType && type.GetGenericArguments() is [var single] ? single
            : null;
        return element is null ? null : Array.CreateInstance(element, 0);
    }
}
