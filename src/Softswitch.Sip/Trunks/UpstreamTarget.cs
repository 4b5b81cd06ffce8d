using System.Net;
using Softswitch.Core.Gateways;

namespace Softswitch.Sip.Trunks;

/// <summary>
/// What one upstream registration needs from its routing gateway (001_… §3.16): the registration user is the
/// gateway's <c>name</c>, the password its <c>password</c>, the registrar <c>remoteIp</c>:<c>signalPort</c>. A change
/// to any of these (compared by value) unregisters the old binding and registers anew.
/// </summary>
public sealed record UpstreamTarget(string Name, string Password, IPAddress Address, int Port)
{
    /// <summary>The gateway's target, or null with the reason when its address cannot be registered to.</summary>
    public static UpstreamTarget? TryCreate(RoutingGateway gateway, out string? problem)
    {
        ArgumentNullException.ThrowIfNull(gateway);
        problem = null;
        if (!IPAddress.TryParse(gateway.RemoteIp, out var address))
        {
            problem = $"remoteIp '{gateway.RemoteIp}' is not an IP address";
            return null;
        }
        if (gateway.SignalPort is < 1 or > 65535)
        {
            problem = $"signalPort {gateway.SignalPort} is not a port";
            return null;
        }
        return new UpstreamTarget(gateway.Name, gateway.Password, address, gateway.SignalPort);
    }

    /// <summary>"ip:port" as GatewayPresence keeps addresses.</summary>
    public string AddressText => new IPEndPoint(Address, Port).ToString();
}
