using System.Net;
using Microsoft.Extensions.Options;
using Softswitch.Core.Configuration;

namespace Softswitch.Sip.Transport;

/// <summary>Fails start-up on a bad "sip" section, naming the key and the value (docs/architecture.md "Rules of the house").</summary>
public sealed class SipTransportOptionsValidator : IValidateOptions<SipTransportOptions>
{
    public ValidateOptionsResult Validate(string? name, SipTransportOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        OptionRules.Check(SipTransportOptions.Section, options, failures);
        if (!IPAddress.TryParse(options.BindAddress, out _))
        {
            failures.Add($"sip.bindAddress: '{options.BindAddress}' is not an IP address");
        }
        if (options.AdvertisedAddress is { Length: > 0 } advertised && !IPAddress.TryParse(advertised, out _))
        {
            failures.Add($"sip.advertisedAddress: '{advertised}' is not an IP address");
        }
        if (options.MaxTcpConnectionsPerSource > options.MaxTcpConnections)
        {
            failures.Add($"sip.maxTcpConnectionsPerSource: {options.MaxTcpConnectionsPerSource} is more than sip.maxTcpConnections ({options.MaxTcpConnections})");
        }
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
