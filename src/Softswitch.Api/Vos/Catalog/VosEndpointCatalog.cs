using Microsoft.AspNetCore.Routing;

namespace Softswitch.Api.Vos.Catalog;

/// <summary>
/// Every interface mapped with MapVos, read back from the routing table: nothing is registered twice, so an entry
/// exists exactly when its route does. Ordered by manual section (3.2 before 3.10), extensions last.
/// </summary>
public sealed class VosEndpointCatalog
{
    private readonly Dictionary<string, VosEndpointEntry> _byName;

    public VosEndpointCatalog(IEnumerable<VosEndpointEntry> entries)
    {
        Entries = entries
            .OrderBy(e => e.Doc.Extension)
            .ThenBy(e => SectionKey(e.Doc.Section), StringComparer.Ordinal)
            .ThenBy(e => e.Name, StringComparer.Ordinal)
            .ToArray();
        _byName = Entries.ToDictionary(e => e.Name, StringComparer.OrdinalIgnoreCase);
    }

    public IReadOnlyList<VosEndpointEntry> Entries { get; }

    /// <summary>The entry of that name (case-insensitive, as routing is), or null.</summary>
    public VosEndpointEntry? Find(string name) => _byName.GetValueOrDefault(name);

    public static VosEndpointCatalog From(EndpointDataSource source) =>
        new(source.Endpoints.OfType<RouteEndpoint>()
            .Select(e => e.Metadata.GetMetadata<VosEndpointEntry>() is { } entry
                ? entry with { Path = "/" + e.RoutePattern.RawText?.TrimStart('/') }
                : null)
            .OfType<VosEndpointEntry>());

    public static VosEndpointCatalog From(IServiceProvider services) =>
        From(services.GetRequiredService<EndpointDataSource>());

    /// <summary>"3.10" -> "0003.0010", so sections sort numerically as strings.</summary>
    private static string SectionKey(string section) =>
        string.Join('.', section.Split('.').Select(p => p.PadLeft(4, '0')));
}
