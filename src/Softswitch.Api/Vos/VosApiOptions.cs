namespace Softswitch.Api.Vos;

/// <summary>Settings of the VOS3000 management interface (configure with services.Configure&lt;VosApiOptions&gt;).</summary>
public sealed class VosApiOptions
{
    public const int DefaultMaxBodyBytes = 1024 * 1024;

    /// <summary>Largest request body accepted; larger ones get BodyTooLarge without being read further.</summary>
    public int MaxBodyBytes { get; set; } = DefaultMaxBodyBytes;

    /// <summary>
    /// Client IP addresses allowed to call the interface (001_… §2.1 "允许接入 IP"). Empty allows everyone, which
    /// is the default because the host binds HTTP to 127.0.0.1 unless told otherwise.
    /// </summary>
    public IList<string> AllowedClients { get; } = [];
}
