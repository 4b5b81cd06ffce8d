using System.ComponentModel.DataAnnotations;

namespace Softswitch.Api.Hosting;

/// <summary>The "http" section: where the management API listens (loopback by default, run contract, docs/architecture.md).</summary>
public sealed class HttpOptions
{
    public const string Section = "http";

    /// <summary>IP address the management API (and /healthz) listens on.</summary>
    public string BindAddress { get; set; } = "127.0.0.1";

    /// <summary>Management HTTP port; 0 picks a free port (printed in the start-up banner).</summary>
    [Range(0, 65_535)]
    public int Port { get; set; } = 8080;
}
