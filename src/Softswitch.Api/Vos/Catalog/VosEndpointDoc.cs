namespace Softswitch.Api.Vos.Catalog;

/// <summary>
/// What the catalog knows about one /external/server interface besides its handler: the single source for the
/// mandatory-field check, /openapi.json, the test page (001_… §2.3) and docs, so they cannot drift apart.
/// </summary>
/// <param name="Section">The manual section it implements ("3.1"); for a project extension, the nearest section.</param>
/// <param name="Summary">One line saying what it does.</param>
public sealed record VosEndpointDoc(string Section, string Summary)
{
    /// <summary>
    /// Fields marked M in the manual, in the manual's order. "parent.child" marks a field mandatory inside an
    /// optional object (checked only when the object is given), as GetCustomer's filterAgentAccount (§3.4).
    /// </summary>
    public IReadOnlyList<string> Mandatory { get; init; } = [];

    /// <summary>A request body that succeeds on a fresh demo switch when the examples are sent in catalog order.</summary>
    public string Example { get; init; } = "{}";

    /// <summary>True when the interface is this project's own, not one of the manual's.</summary>
    public bool Extension { get; init; }

    /// <summary>The answer's record (derived from VosResponse); null when it is only retCode/exception.</summary>
    public Type? Response { get; init; }
}
