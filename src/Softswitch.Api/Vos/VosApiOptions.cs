using System.ComponentModel.DataAnnotations;
using Softswitch.Api.Vos.Access;

namespace Softswitch.Api.Vos;

/// <summary>Settings of the VOS3000 management interface, config section "api" (docs/configuration.md).</summary>
public sealed class VosApiOptions
{
    public const string Section = "api";

    public const int DefaultMaxBodyBytes = 1024 * 1024;

    /// <summary>The most <see cref="MaxBodyBytes"/> may be raised to: a body is held in memory while parsed.</summary>
    public const int MaxBodyBytesLimit = 64 * 1024 * 1024;

    public const int DefaultMaxArrayItems = 50_000;

    /// <summary>The most <see cref="MaxArrayItems"/> may be raised to.</summary>
    public const int MaxArrayItemsLimit = 1_000_000;

    /// <summary>
    /// Largest request body accepted; larger ones get BodyTooLarge (-10009) without being read further, whether
    /// announced by Content-Length or sent chunked. At most 64 MiB.
    /// </summary>
    [Range(1, MaxBodyBytesLimit)]
    public int MaxBodyBytes { get; set; } = DefaultMaxBodyBytes;

    /// <summary>
    /// Most items any JSON array of a request may hold (GetCdr "accounts", GetPhone "e164s"…); a longer one gets
    /// TooManyItems (-10012) naming the field and this limit. At most 1,000,000.
    /// </summary>
    [Range(1, MaxArrayItemsLimit)]
    public int MaxArrayItems { get; set; } = DefaultMaxArrayItems;

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
