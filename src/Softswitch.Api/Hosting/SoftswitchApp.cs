using System.Net;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Softswitch.Api.Composition;
using Softswitch.Api.Vos;
using Softswitch.Core.Calls;
using Softswitch.Core.Registrations;
using Softswitch.Sip.Media;
using Softswitch.Sip.Transport;

namespace Softswitch.Api.Hosting;

/// <summary>
/// Composition root: configuration (embedded defaults, then conf/softswitch.json, then SOFTSWITCH_* environment
/// variables, then the command line), the Core services over SQLite, the SIP engine as a hosted service, and the
/// HTTP endpoints. Relative paths (the configuration file, database.path) resolve against the working directory.
/// </summary>
public static class SoftswitchApp
{
    public const string DefaultConfigFile = "conf/softswitch.json";

    /// <summary>Builds the host; a bad command line or configuration throws what <see cref="StartupFaults"/> describes.</summary>
    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? customize = null)
    {
        var command = CommandLine.Parse(args);
        if (command.Error is not null || command.Help)
        {
            throw new StartupFaultException($"{command.Error ?? "--help is answered before the host is built"} ({CommandLine.SeeHelp})");
        }
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [] });
        builder.Configuration.Sources.Clear();
        string? file = ConfigFile(command.ConfigFile);
        if (file is not null)
        {
            // Loaded at once: malformed JSON throws here, named by StartupFaults.
            builder.Configuration.AddJsonFile(file, optional: false, reloadOnChange: false);
        }
        builder.Configuration.AddEnvironmentVariables("SOFTSWITCH_");
        builder.Configuration.AddInMemoryCollection(command.Overrides);
        builder.Logging.ClearProviders();
        builder.Logging.AddConfiguration(builder.Configuration.GetSection("Logging"));
        // The host logs a failed start with its stack trace; Program prints the fault as one line instead. Critical
        // entries (a background service stopping the host) still show.
        builder.Logging.AddFilter("Microsoft.Extensions.Hosting.Internal.Host", LogLevel.Critical);
        builder.Logging.AddSimpleConsole(o =>
        {
            o.SingleLine = true;
            o.TimestampFormat = "HH:mm:ss.fff ";
        });

        var services = builder.Services;
        services.AddSingleton(new StartupFiles(file));
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<RegistrationTable>();
        services.AddSoftswitchOptions();
        // SDP names the same address as Via/Contact unless the relay is given its own or binds a specific address.
        services.AddOptions<RtpRelayOptions>().PostConfigure<IOptions<SipTransportOptions>>((rtp, sip) =>
        {
            if (rtp.AdvertisedAddress is not { Length: > 0 } && IPAddress.TryParse(rtp.BindAddress, out var bind)
                && (bind.Equals(IPAddress.Any) || bind.Equals(IPAddress.IPv6Any)))
            {
                rtp.AdvertisedAddress = sip.Value.ResolveAdvertisedAddress().ToString();
            }
        });
        services.AddSoftswitchCore();
        services.AddSingleton<DemoCredentials>();
        services.AddHostedService<DemoSeeder>();
        services.AddSingleton<SipHostedService>();
        services.Replace(ServiceDescriptor.Singleton<ICallControl, SipCallControl>());
        services.AddHostedService(sp => sp.GetRequiredService<SipHostedService>());
        services.AddHostedService<RestoredSourceTrustHostedService>();
        services.AddHostedService<RecoveredCallByeHostedService>();
        services.AddSoftswitchTrunksAndSimulation();
        // After the simulated carriers start (it adds one) and before the banner (which prints it).
        services.AddHostedService<DemoCarrierSeeder>();
        services.AddHostedService<StartupBanner>();
        services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(8));
        services.AddOptions<KestrelServerOptions>().Configure<IOptions<HttpOptions>>((kestrel, http) =>
        {
            kestrel.Listen(IPAddress.Parse(http.Value.BindAddress), http.Value.Port);
            kestrel.Limits.MaxRequestBodySize = 1024 * 1024;
            // HTTP draws on the descriptors left outside the SIP/RTP budget (docs/hardening.md "TCP and descriptors").
            kestrel.Limits.MaxConcurrentConnections = DescriptorBudget.HttpConnectionLimit();
        });

        customize?.Invoke(builder);
        if (ConfigSections.UnknownKeys(builder.Configuration).ToList() is { Count: > 0 } unknown)
        {
            throw new StartupFaultException(string.Join('\n', unknown.Select(k => $"{k}: unknown configuration key (docs/configuration.md lists them)")));
        }
        var app = builder.Build();
        app.MapVosApi();
        Softswitch.Api.Endpoints.Simulation.SimulationEndpoints.MapSimulationApi(app);
        app.MapGet("/healthz", (SipHostedService sip) => sip.IsListening
            ? Results.Text("ok")
            : Results.Text("sip not listening", statusCode: StatusCodes.Status503ServiceUnavailable));
        return app;
    }

    /// <summary>
    /// --config, else SOFTSWITCH_CONFIG (either must exist), else conf/softswitch.json in the working directory,
    /// else the copy shipped beside the program, else none (the built-in defaults).
    /// </summary>
    private static string? ConfigFile(string? option)
    {
        string? named = option ?? Environment.GetEnvironmentVariable(CommandLine.ConfigEnvironmentVariable);
        if (!string.IsNullOrEmpty(named))
        {
            string source = option is null ? CommandLine.ConfigEnvironmentVariable : "--config";
            return File.Exists(named)
                ? Path.GetFullPath(named)
                : throw new StartupFaultException($"{source}: '{named}' is not a file (working directory {Environment.CurrentDirectory})");
        }
        if (File.Exists(DefaultConfigFile))
        {
            return Path.GetFullPath(DefaultConfigFile);
        }
        string beside = Path.Combine(AppContext.BaseDirectory, DefaultConfigFile);
        return File.Exists(beside) ? beside : null;
    }
}
