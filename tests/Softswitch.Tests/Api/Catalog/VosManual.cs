namespace Softswitch.Tests.Api.Catalog;

/// <summary>
/// The interfaces of the VOS3000 Web interface manual (001_fc9a6133c25dab07.txt), as extracted into
/// <c>Data/vos-manual/interfaces.tsv</c> by the <c>generate.py</c> beside it. The manual itself is not part of the
/// repository and the tests never read it; the data file's header says where it came from and how to regenerate it.
/// </summary>
internal static class VosManual
{
    /// <summary>The data file, copied next to the test binaries.</summary>
    public static string DataPath => Path.Combine(AppContext.BaseDirectory, "Data", "vos-manual", "interfaces.tsv");

    /// <summary>Each interface name with the manual sections that give it, in the manual's order.</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<string>> Interfaces() => Interfaces(File.ReadLines(DataPath));

    /// <summary>Parses the data file's rows: "name TAB section TAB title"; '#' lines are comments.</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<string>> Interfaces(IEnumerable<string> lines)
    {
        var found = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        int number = 0;
        foreach (string line in lines)
        {
            number++;
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }
            string[] columns = line.Split('\t');
            if (columns.Length != 3 || columns[0].Length == 0 || columns[1].Length == 0)
            {
                throw new FormatException($"{DataPath} line {number}: expected 'name<TAB>section<TAB>title', got '{line}'");
            }
            if (!found.TryGetValue(columns[0], out var sections))
            {
                found[columns[0]] = sections = [];
            }
            sections.Add(columns[1]);
        }
        return found.ToDictionary(p => p.Key, p => (IReadOnlyList<string>)p.Value, StringComparer.Ordinal);
    }
}
