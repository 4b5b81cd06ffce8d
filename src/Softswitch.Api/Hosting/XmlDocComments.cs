using System.Reflection;
using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace Softswitch.Api.Hosting;

/// <summary>
/// Reads the summaries of the doc comments the compiler writes beside each assembly (GenerateDocumentationFile),
/// as one line of markdown: &lt;c&gt; and cref become code, whitespace collapses.
/// </summary>
public static partial class XmlDocComments
{
    private static readonly Dictionary<Assembly, XDocument?> Files = [];
    private static readonly Lock FilesLock = new();

    public static string Summary(Type type) => Summary(type.Assembly, "T:" + Name(type));

    public static string Summary(PropertyInfo property) =>
        Summary(property.DeclaringType!.Assembly, $"P:{Name(property.DeclaringType)}.{property.Name}");

    public static string Summary(Type enumType, string value) => Summary(enumType.Assembly, $"F:{Name(enumType)}.{value}");

    private static string Name(Type type) => type.FullName!.Replace('+', '.');

    private static string Summary(Assembly assembly, string member)
    {
        var summary = Load(assembly)?.Descendants("member")
            .FirstOrDefault(m => (string?)m.Attribute("name") == member)?.Element("summary");
        return summary is null ? "" : Markdown(summary);
    }

    private static XDocument? Load(Assembly assembly)
    {
        lock (FilesLock)
        {
            if (!Files.TryGetValue(assembly, out var doc))
            {
                string path = Path.ChangeExtension(assembly.Location, ".xml");
                doc = File.Exists(path) ? XDocument.Load(path) : null;
                Files[assembly] = doc;
            }
            return doc;
        }
    }

    private static string Markdown(XElement element)
    {
        var text = new System.Text.StringBuilder();
        foreach (var node in element.Nodes())
        {
            text.Append(node switch
            {
                XText t => t.Value,
                XElement { Name.LocalName: "c" } c => $"`{c.Value}`",
                XElement { Name.LocalName: "see" or "seealso" } see when see.Attribute("cref") is { } cref => $"`{ShortName(cref.Value)}`",
                XElement { Name.LocalName: "see" } see when see.Attribute("langword") is { } word => $"`{word.Value}`",
                XElement { Name.LocalName: "paramref" or "typeparamref" } p => $"`{(string?)p.Attribute("name")}`",
                XElement e => Markdown(e),
                _ => "",
            });
        }
        return Whitespace().Replace(text.ToString(), " ").Trim();
    }

    /// <summary>"T:Softswitch.Sip.Media.RtpRelay" → "RtpRelay"; "M:A.B.C(System.Int32)" → "B.C".</summary>
    private static string ShortName(string cref)
    {
        string name = cref.Length > 2 && cref[1] == ':' ? cref[2..] : cref;
        int paren = name.IndexOf('(', StringComparison.Ordinal);
        if (paren >= 0)
        {
            name = name[..paren];
        }
        string[] parts = name.Split('.');
        return cref.StartsWith("T:", StringComparison.Ordinal) || parts.Length < 2 ? parts[^1] : $"{parts[^2]}.{parts[^1]}";
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
