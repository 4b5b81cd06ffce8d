using System.Text.RegularExpressions;

namespace Softswitch.Tests.Api.Catalog;

/// <summary>
/// The VOS3000 Web interface manual (001_fc9a6133c25dab07.txt), read from the shared spec folder rather than
/// copied into the repository; its interface names and sections are taken from the text itself.
/// </summary>
internal static partial class VosManual
{
    public const string FileName = "001_fc9a6133c25dab07.txt";

    /// <summary>Set to the manual's path when it lives elsewhere.</summary>
    public const string PathVariable = "SOFTSWITCH_VOS_MANUAL";

    /// <summary>The manual's path, or null; searched in $SOFTSWITCH_VOS_MANUAL, then spec/seeds above the tests.</summary>
    public static string? Find()
    {
        if (Environment.GetEnvironmentVariable(PathVariable) is { Length: > 0 } explicitPath)
        {
            return File.Exists(explicitPath) ? explicitPath : null;
        }
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            foreach (string candidate in new[] { "spec/seeds", "shared/spec/seeds" })
            {
                string path = Path.Combine(dir.FullName, candidate, FileName);
                if (File.Exists(path))
                {
                    return path;
                }
            }
        }
        return null;
    }

    /// <summary>
    /// Each "/external/server/Name" line with the "3.N" section heading above it. Spaces inside a name are the
    /// manual's typos ("Delete IpLimit", §3.87) and are dropped.
    /// </summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<string>> Interfaces(string path)
    {
        var found = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        string section = "";
        foreach (string line in File.ReadLines(path))
        {
            if (Heading().Match(line) is { Success: true } heading)
            {
                section = heading.Groups[1].Value;
            }
            if (InterfacePath().Match(line) is { Success: true } match)
            {
                string name = match.Groups[1].Value.Replace(" ", "", StringComparison.Ordinal);
                if (!found.TryGetValue(name, out var sections))
                {
                    found[name] = sections = [];
                }
                sections.Add(section);
            }
        }
        return found.ToDictionary(p => p.Key, p => (IReadOnlyList<string>)p.Value, StringComparer.Ordinal);
    }

    [GeneratedRegex(@"^(\d+\.\d+)\s")]
    private static partial Regex Heading();

    [GeneratedRegex(@"/external/server/([A-Za-z][A-Za-z0-9 ]*[A-Za-z0-9])")]
    private static partial Regex InterfacePath();
}
