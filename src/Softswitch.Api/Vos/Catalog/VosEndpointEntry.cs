namespace Softswitch.Api.Vos.Catalog;

/// <summary>
/// One mapped interface, attached to its route as endpoint metadata by MapVos (so the catalog is exactly what is
/// routed). <see cref="Path"/> is filled in by the catalog from the route pattern.
/// </summary>
public sealed record VosEndpointEntry(string Name, VosEndpointDoc Doc, Type RequestType)
{
    public string Path { get; init; } = "";
}
