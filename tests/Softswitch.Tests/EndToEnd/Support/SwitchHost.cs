using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Softswitch.Api.Hosting;

namespace Softswitch.Tests.EndToEnd.Support;

/// <summary>
/// The real switch (SIP engine, store, HTTP) started in-process on ephemeral loopback ports with its own database
/// file, as the run contract describes; disposed at the end of the test.
/// </summary>
public sealed class SwitchHost : IAsyncDisposable
{
    private readonly string _dbDirectory;
    private readonly string[] _args;
    private readonly IDictionary<string, string?> _config;
    private WebApplication _app = null!;

    private SwitchHost(string dbDirectory, string[] args, IDictionary<string, string?> config)
    {
        _dbDirectory = dbDirectory;
        _args = args;
        _config = config;
        Http = new HttpClient();
    }

    public int SipPort { get; private set; }

    public Uri HttpBase { get; private set; } = null!;

    public HttpClient Http { get; }

    public IServiceProvider Services => _app.Services;

    public static Task<SwitchHost> StartAsync(params string[] extraArgs) => StartAsync(new Dictionary<string, string?>(), extraArgs);

    /// <summary>Starts with configuration keys set as conf/softswitch.json would (e.g. "calls:timeoutRingingSeconds").</summary>
    public static async Task<SwitchHost> StartAsync(IDictionary<string, string?> config, params string[] extraArgs)
    {
        string dir = Path.Combine(Path.GetTempPath(), "softswitch-test-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        string[] args =
        [
            "--sip-port", "0", "--http-port", "0", "--bind", "127.0.0.1", "--db", Path.Combine(dir, "softswitch.db"),
            .. extraArgs,
        ];
        var host = new SwitchHost(dir, args, config);
        await host.RunAsync();
        return host;
    }

    /// <summary>
    /// Stops the switch as SIGTERM would and starts a new one on the same database and arguments (new ephemeral
    /// ports): what survives a restart is what this instance reads back from the file.
    /// </summary>
    public async Task RestartAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        await RunAsync();
    }

    private async Task RunAsync()
    {
        _app = SoftswitchApp.Build(_args, builder => builder.Configuration.AddInMemoryCollection(_config));
        await _app.StartAsync();
        string address = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        HttpBase = new Uri(address);
        SipPort = _app.Services.GetRequiredService<SipHostedService>().Port;
    }

    /// <summary>POST /external/server/{name} with a JSON body; returns the parsed answer.</summary>
    public async Task<JsonElement> PostAsync(string name, object body)
    {
        string json = body as string ?? JsonSerializer.Serialize(body);
        using var content = new StringContent(json, Encoding.UTF8, "application/json");
        using var response = await Http.PostAsync(new Uri(HttpBase, "/external/server/" + name), content);
        return (await response.Content.ReadFromJsonAsync<JsonElement>());
    }

    public string DatabasePath => Path.Combine(_dbDirectory, "softswitch.db");

    /// <summary>Stops the host as SIGTERM would (hosted services stopped in order), keeping the database.</summary>
    public Task StopAsync() => _app.StopAsync();

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
        try
        {
            Directory.Delete(_dbDirectory, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
