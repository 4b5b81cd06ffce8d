using Softswitch.Api.Vos.Access;

namespace Softswitch.Api.Vos;

/// <summary>Settings of the VOS3000 management interface, config section "api" (docs/configuration.md).</summary>
public sealed class VosApiOptions
{
    public const string Section = "api";

    public const int DefaultMaxBodyBytes = 1024 * 1024;

    /// <summary>Largest request body accepted; larger ones get BodyTooLarge without being read further.</summary>
    public int MaxBodyBytes { get; set; } = DefaultMaxBodyBytes;

    /// <summary>
    /// Client addresses or networks granted every directory (the flat form of 001_… §2.1 "允许接入 IP").
    /// With this and <see cref="Access"/> both empty, only loopback is allowed.
    /// </summary>
    public IList<string> AllowedClients { get; } = [];

    /// <summary>Per-directory grants (001_… §2.1 "目录名称" + "允许接入 IP"); see <see cref="VosAccessRule"/>.</summary>
    public IList<VosAccessRule> Access { get; } = [];

    /// <summary>
    /// When set, /external/server requests must also carry "Authorization: Bearer &lt;token&gt;" (a project
    /// extension for deployments where addresses alone are not trusted). At least 16 characters.
    /// </summary>
    public string? BearerToken { get; set; }
}
