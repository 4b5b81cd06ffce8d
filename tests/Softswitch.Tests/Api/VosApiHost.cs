using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Softswitch.Api.Composition;
using Softswitch.Core.Registrations;
using Softswitch.Tests.Core;

namespace Softswitch.Tests.Api;

/// <summary>The VOS3000 interface in-process (TestHost) over a temp database, composed as the host composes it.</summary>
internal sealed class VosApiHost : IAsyncDisposable
{
    private readonly TempDatabase _db = new();
    private WebApplication _app = null!;

    public HttpClient Client { get; private set; } = null!;

    public RegistrationTable Registrations => _app.Services.GetRequiredService<RegistrationTable>();

    public IServiceProvider Services => _app.Services;

    public static async Task<VosApiHost> StartAsync(Action<IServiceCollection>? configure = null)
    {
        var host = new VosApiHost();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseTestServer();
        builder.Services.AddSoftswitchCore(host._db.Path);
        configure?.Invoke(builder.Services);
        host._app = builder.Build();
        host._app.MapVosApi();
        await host._app.StartAsync();
        host.Client = host._app.GetTestClient();
        return host;
    }

    public Task<JsonElement> PostAsync(string name, string body) => PostAsync(name, body, "application/json");

    public async Task<JsonElement> PostAsync(string name, string body, string contentType)
    {
        var response = await PostRawAsync(name, body, contentType);
        string text = await response.Content.ReadAsStringAsync();
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    public async Task<HttpResponseMessage> PostRawAsync(string name, string body, string contentType)
    {
        using var content = new ByteArrayContent(Encoding.UTF8.GetBytes(body));
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        return await Client.PostAsync(new Uri($"/external/server/{name}", UriKind.Relative), content);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
        _db.Dispose();
    }
}
