using System.Net;
using Microsoft.Extensions.Options;
using Softswitch.Api.Composition;
using Softswitch.Api.Vos;
using Softswitch.Api.Vos.Access;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Softswitch.Core.Calls;
using Softswitch.Core.Registrations;
using Softswitch.Sip.B2bua;
using Softswitch.Sip.Registrar;
using Softswitch.Sip.Transactions;
using Softswitch.Sip.Transport;

namespace Softswitch.Api.Hosting;

/// <summary>
/// Composition root: configuration (embedded defaults, then conf/softswitch.json, then the command line),
/// the Core services over SQLite, the SIP engine as a hosted service, and the HTTP endpoints.
/// </summary>
public static class SoftswitchApp
{
    public const string DefaultConfigFile = "conf/softswitch.json";

    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? customize = null)
    {
        var (overrides, configFile, error) = CommandLine.Parse(args);
        if (error is not null)
        {
            throw new ArgumentException(error);
        }
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [] });
        builder.Configuration.Sources.Clear();
        string? file = configFile ?? FindDefaultConfig();
        if (file is not null)
        {
            builder.Configuration.AddJsonFile(Path.GetFullPath(file), optional: configFile is null, reloadOnChange: false);
        }
        builder.Configuration.AddEnvironmentVariables("SOFTSWITCH_");
        builder.Configuration.AddInMemoryCollection(overrides);
        builder.Logging.ClearProviders();
        builder.Logging.AddConfiguration(builder.Configuration.GetSection("Logging"));
        builder.Logging.AddSimpleConsole(o =>
        {
            o.SingleLine = true;
            o.TimestampFormat = "HH:mm:ss.fff ";
        });

        var services = builder.Services;
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<RegistrationTable>();
        services.AddOptions<SipTransportOptions>().Bind(builder.Configuration.GetSection("sip"));
        services.AddOptions<RegistrarOptions>().Bind(builder.Configuration.GetSection("registrar")).ValidateOnStart();
        services.AddSingleton<IValidateOptions<RegistrarOptions>, RegistrarOptionsValidator>();
        services.AddOptions<AuthOptions>().Bind(builder.Configuration.GetSection("auth")).ValidateOnStart();
        services.AddSingleton<IValidateOptions<AuthOptions>, AuthOptionsValidator>();
        services.AddOptions<SipTimerOptions>().Bind(builder.Configuration.GetSection("sip:timers")).ValidateOnStart();
        services.AddSingleton<IValidateOptions<SipTimerOptions>, SipTimerOptionsValidator>();
        var database = builder.Configuration.GetSection("database").Get<DatabaseOptions>() ?? new DatabaseOptions();
        string dbPath = Path.GetFullPath(database.Path);
        Directory.CreateDirectory(Path.GetDirectoryName(dbPath)!);
        services.AddSoftswitchCore(dbPath);
        services.AddOptions<VosApiOptions>().Bind(builder.Configuration.GetSection("api")).ValidateOnStart();
        services.AddSingleton<IValidateOptions<VosApiOptions>, VosApiOptionsValidator>();
        services.AddSingleton<DemoCredentials>();
        services.AddHostedService<DemoSeeder>();
        services.AddOptions<B2buaOptions>().Bind(builder.Configuration.GetSection("calls")).ValidateOnStart();
        services.AddSingleton<IValidateOptions<B2buaOptions>, B2buaOptionsValidator>();
        services.AddSingleton<SipHostedService>();
        services.Replace(ServiceDescriptor.Singleton<ICallControl, SipCallControl>());
        services.AddHostedService(sp => sp.GetRequiredService<SipHostedService>());
        services.AddSoftswitchTrunksAndSimulation(builder.Configuration);
        services.AddHostedService<StartupBanner>();
        services.AddOptions<HttpOptions>().Bind(builder.Configuration.GetSection("http")).ValidateOnStart();
        services.AddOptions<RtpOptions>().Bind(builder.Configuration.GetSection("rtp")).ValidateOnStart();
        services.AddOptions<DatabaseOptions>().Bind(builder.Configuration.GetSection("database")).ValidateOnStart();
        services.AddOptions<DemoOptions>().Bind(builder.Configuration.GetSection("demo"));
        services.AddSingleton<IValidateOptions<HttpOptions>, HostOptionsValidator>();
        services.AddSingleton<IValidateOptions<RtpOptions>, HostOptionsValidator>();
        services.AddSingleton<IValidateOptions<DatabaseOptions>, HostOptionsValidator>();
        services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(8));

        var http = builder.Configuration.GetSection("http").Get<HttpOptions>() ?? new HttpOptions();
        builder.WebHost.ConfigureKestrel(k =>
        {
            k.Listen(IPAddress.Parse(http.BindAddress), http.Port);
            k.Limits.MaxRequestBodySize = 1024 * 1024;
        });

        customize?.Invoke(builder);
        var app = builder.Build();
        app.MapVosApi();
        Softswitch.Api.Simulation.SimulationEndpoints.MapSimulationApi(app);
        app.MapGet("/healthz", (SipHostedService sip) => sip.IsListening
            ? Results.Text("ok")
            : Results.Text("sip not listening", statusCode: StatusCodes.Status503ServiceUnavailable));
        return app;
    }

    /// <summary>conf/softswitch.json from the working directory, else the copy shipped beside the binary.</summary>
    private static string? FindDefaultConfig()
    {
        if (File.Exists(DefaultConfigFile))
        {
            return DefaultConfigFile;
        }
        string beside = Path.Combine(AppContext.BaseDirectory, DefaultConfigFile);
        return File.Exists(beside) ? beside : null;
    }
}
