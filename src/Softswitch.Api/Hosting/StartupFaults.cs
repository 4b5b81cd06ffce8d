using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Connections;
using Microsoft.Extensions.Options;
using Softswitch.Sip.Transport;

namespace Softswitch.Api.Hosting;

/// <summary>
/// Turns what a bad configuration makes the start throw into one line each, naming the key (or option) and the
/// value; null when the exception is not a configuration fault (a bug, shown with its stack trace).
/// </summary>
public static partial class StartupFaults
{
    public static IReadOnlyList<string>? Describe(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        var lines = new List<string>();
        foreach (var e in Flatten(exception))
        {
            if (DescribeOne(e) is not { } described)
            {
                return null;
            }
            lines.AddRange(described.Where(l => !lines.Contains(l)));
        }
        return lines;
    }

    private static IEnumerable<Exception> Flatten(Exception e) =>
        e is AggregateException aggregate ? aggregate.InnerExceptions.SelectMany(Flatten) : [e];

    private static IEnumerable<string>? DescribeOne(Exception e) => e switch
    {
        StartupFaultException fault => [fault.Message],
        OptionsValidationException validation => validation.Failures,
        SipBindException bind => [$"{bind.Message} (sip.port, --sip-port)"],
        IOException { InnerException: AddressInUseException } kestrel => [HttpInUse(kestrel.Message)],
        InvalidDataException { InnerException: not null } file when ConfigFileName().IsMatch(file.Message) =>
            [$"{ConfigFile(file.Message)}: not valid JSON: {Innermost(file).Message}"],
        InvalidOperationException convert when BindingFailure().Match(convert.Message) is { Success: true } m =>
            [$"{Key(m.Groups["path"].Value)}: '{m.Groups["value"].Value}' is not {Article(m.Groups["type"].Value)}"],
        _ => null,
    };

    private static Exception Innermost(Exception e) => e.InnerException is { } inner ? Innermost(inner) : e;

    /// <summary>"sip:Port" (the binder names the property) → "sip.port", as the file writes it.</summary>
    private static string Key(string path)
    {
        string[] parts = path.Split(':');
        parts[^1] = JsonNamingPolicy.CamelCase.ConvertName(parts[^1]);
        return string.Join('.', parts);
    }

    private static string HttpInUse(string message) =>
        KestrelAddress().Match(message) is { Success: true } m && Uri.TryCreate(m.Groups[1].Value, UriKind.Absolute, out var uri)
            ? $"HTTP port {uri.Port} on {uri.Host.Trim('[', ']')}: already in use by another process (http.port, --http-port)"
            : $"HTTP: {message} (http.port, --http-port)";

    private static string ConfigFile(string message) =>
        ConfigFileName().Match(message) is { Success: true } m ? m.Groups[1].Value : "configuration file";

    /// <summary>"System.Int32" → "a whole number"; the binder names CLR types, the user wrote JSON.</summary>
    private static string Article(string clrType) => clrType switch
    {
        "System.Int32" or "System.Int64" => "a whole number",
        "System.Double" => "a number",
        "System.Boolean" => "true or false",
        "System.TimeSpan" => "a duration (hh:mm:ss)",
        _ when clrType.StartsWith("Softswitch.", StringComparison.Ordinal) && Type.GetType(clrType) is null && FindEnum(clrType) is { } enumType =>
            "one of " + string.Join(", ", Enum.GetNames(enumType)),
        _ => "a valid " + clrType[(clrType.LastIndexOf('.') + 1)..],
    };

    private static Type? FindEnum(string fullName) =>
        AppDomain.CurrentDomain.GetAssemblies()
            .Where(a => a.GetName().Name?.StartsWith("Softswitch.", StringComparison.Ordinal) == true)
            .Select(a => a.GetType(fullName))
            .FirstOrDefault(t => t is { IsEnum: true });

    // "Failed to convert configuration value 'abc' at 'sip:port' to type 'System.Int32'."
    [GeneratedRegex("Failed to convert configuration value '(?<value>.*)' at '(?<path>[^']*)' to type '(?<type>[^']*)'")]
    private static partial Regex BindingFailure();

    [GeneratedRegex("Failed to bind to address (\\S+?):? address already in use", RegexOptions.IgnoreCase)]
    private static partial Regex KestrelAddress();

    [GeneratedRegex("Failed to load configuration from file '([^']*)'")]
    private static partial Regex ConfigFileName();
}
