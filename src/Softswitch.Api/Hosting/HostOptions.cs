using Microsoft.Extensions.Options;

namespace Softswitch.Api.Hosting;

/// <summary>The "http" section: where the management API listens (loopback by default, run contract in docs/architecture.md).</summary>
public sealed class HttpOptions
{
    public string BindAddress { get; set; } = "127.0.0.1";

    /// <summary>0 picks an ephemeral port (tests).</summary>
    public int Port { get; set; } = 8080;
}

/// <summary>The "rtp" section; the relay that uses it lands with the calls issue, the option is validated now.</summary>
public sealed class RtpOptions
{
    public string BindAddress { get; set; } = "0.0.0.0";

    public string Ports { get; set; } = "20000-29999";

    /// <summary>Address written into SDP; defaults to sip.advertisedAddress, then the bind address.</summary>
    public string? AdvertisedAddress { get; set; }
}

public sealed class DatabaseOptions
{
    public string Path { get; set; } = "data/softswitch.db";
}

public sealed class DemoOptions
{
    /// <summary>Create the demo account "demo" with phones 1001/1002 on first start (off with --no-demo).</summary>
    public bool Enabled { get; set; } = true;
}

/// <summary>Fails start-up with the offending key named (docs/architecture.md "Errors").</summary>
public sealed class HostOptionsValidator : IValidateOptions<HttpOptions>, IValidateOptions<RtpOptions>, IValidateOptions<DatabaseOptions>
{
    public ValidateOptionsResult Validate(string? name, HttpOptions options)
    {
        if (!System.Net.IPAddress.TryParse(options.BindAddress, out _))
        {
            return ValidateOptionsResult.Fail($"http.bindAddress '{options.BindAddress}' is not an IP address");
        }
        return options.Port is < 0 or > 65535
            ? ValidateOptionsResult.Fail($"http.port {options.Port} is out of range 0-65535")
            : ValidateOptionsResult.Success;
    }

    public ValidateOptionsResult Validate(string? name, RtpOptions options)
    {
        if (!System.Net.IPAddress.TryParse(options.BindAddress, out _))
        {
            return ValidateOptionsResult.Fail($"rtp.bindAddress '{options.BindAddress}' is not an IP address");
        }
        return CommandLine.TryParseRange(options.Ports, out _, out _)
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail($"rtp.ports '{options.Ports}' is not a range A-B of ports 1024-65535");
    }

    public ValidateOptionsResult Validate(string? name, DatabaseOptions options) =>
        string.IsNullOrWhiteSpace(options.Path)
            ? ValidateOptionsResult.Fail("database.path is empty")
            : ValidateOptionsResult.Success;
}
