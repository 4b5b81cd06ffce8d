using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;
using Softswitch.Sip.Transport;

namespace Softswitch.Api.Hosting;

/// <summary>
/// Prints where the switch listens, the demo credentials and the demo carrier once everything is up. Scripts and
/// tests read the "SIP listening on" and "HTTP listening on" lines to find ephemeral ports.
/// </summary>
public sealed class StartupBanner(
    IHostApplicationLifetime lifetime,
    IServer server,
    SipHostedService sip,
    IOptions<SipTransportOptions> sipOptions,
    IOptions<DatabaseOptions> database,
    StartupFiles files,
    DemoCredentials demo) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        lifetime.ApplicationStarted.Register(Print);
        return Task.CompletedTask;
    }

    private void Print()
    {
        var endPoint = sip.Engine.Transports.LocalEndPoint(Softswitch.Sip.Messages.SipTransportKind.Udp).EndPoint;
        var http = server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault() ?? "?";
        Console.WriteLine($"SIP listening on udp+tcp {sipOptions.Value.BindAddress}:{sip.Port} (advertised {endPoint})");
        Console.WriteLine($"HTTP listening on {http}");
        // Relative paths resolve against the working directory: say which files that made them.
        Console.WriteLine($"Configuration {files.ConfigFile ?? "(built-in defaults, no file)"}; database {database.Value.FullPath}");
        foreach (var (e164, password) in demo.Phones)
        {
            Console.WriteLine($"Demo phone {e164} password {password} (account {demo.Account}; register to sip:{e164}@{endPoint})");
        }
        if (demo.Carrier is var (gateway, carrier))
        {
            Console.WriteLine($"Demo carrier {gateway.Name} on udp+tcp {carrier}: a demo phone dialling {gateway.Prefix}<number> reaches it "
                + $"through routing gateway {gateway.Name} (prefix {gateway.Prefix}, rewriteRulesInCallee \"{gateway.RewriteRulesInCallee}\"); it answers and echoes");
        }
        Console.Out.Flush();
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

/// <summary>The demo phones created (or found) at start-up, for the banner.</summary>
public sealed class DemoCredentials
{
    public string Account { get; set; } = "";

    public List<(string E164, string Password)> Phones { get; } = [];

    /// <summary>The demo routing gateway and where its simulated carrier listens; null when the demo is off.</summary>
    public (Softswitch.Core.Gateways.RoutingGateway Gateway, System.Net.IPEndPoint Carrier)? Carrier { get; set; }
}
