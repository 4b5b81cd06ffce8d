using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Softswitch.Api.Hosting;
using Softswitch.Api.Vos;

namespace Softswitch.Tests.Api.Hosting;

/// <summary>
/// Issue 12 hole 9 on the real server (Kestrel on an ephemeral loopback port, composed as the switch runs): a
/// 10 MB chunked body, a body over 1 MiB with api.maxBodyBytes raised, and a Content-Length that promises more than
/// is sent each get a precise answer (or a closed connection), never InternalError nor an error in the log.
/// </summary>
public sealed class VosBodyLimitsTests
{
    private const int RaisedLimit = 4 * 1024 * 1024;

    private readonly CapturedLogs _logs = new();
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "softswitch-test-" + Guid.NewGuid().ToString("N"));
    private WebApplication _app = null!;
    private Uri _base = null!;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        Directory.CreateDirectory(_dir);
        string[] args =
        [
            "--sip-port", "0", "--http-port", "0", "--bind", "127.0.0.1", "--no-demo",
            "--db", Path.Combine(_dir, "softswitch.db"),
        ];
        _app = SoftswitchApp.Build(args, builder =>
        {
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["api:maxBodyBytes"] = RaisedLimit.ToString(System.Globalization.CultureInfo.InvariantCulture),
            });
            builder.Services.AddSingleton<ILoggerProvider>(_logs);
        });
        await _app.StartAsync();
        _base = new Uri(_app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
    }

    [SetUp]
    public void ForgetEarlierLogs() => _logs.Clear();

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        Directory.Delete(_dir, recursive: true);
    }

    [Test]
    public async Task ABodyOverOneMebibyteIsReadWhenTheLimitIsRaised()
    {
        string body = $$"""{"accounts":["nobody"],"padding":"{{new string('a', 2 * 1024 * 1024)}}"}""";
        using var http = new HttpClient();
        using var content = new StringContent(body, Encoding.UTF8, "application/json");
        using var response = await http.PostAsync(new Uri(_base, "/external/server/GetCustomer"), content);
        var answer = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

        Assert.That(answer.GetProperty("retCode").GetInt32(), Is.EqualTo(0));
        Assert.That(_logs.Faults, Is.Empty);
    }

    [Test]
    public async Task ATenMegabyteChunkedBodyIsRefusedAsTooLarge()
    {
        byte[] chunk = Encoding.ASCII.GetBytes($"10000\r\n{new string(' ', 0x10000)}\r\n");
        string? answer = await ExchangeAsync("Transfer-Encoding: chunked\r\n", async stream =>
        {
            const string head = "{\"accounts\":[\"x\"],\"p\":\"";
            await stream.WriteAsync(Encoding.ASCII.GetBytes($"{head.Length:x}\r\n{head}\r\n"));
            for (int sent = 0; sent < 10 * 1024 * 1024; sent += 0x10000)
            {
                await stream.WriteAsync(chunk);
            }
        });

        Assert.That(answer, Is.Not.Null, "the refusal is sent before the body ends");
        Assert.That(RetCode(answer!), Is.EqualTo((int)VosRetCode.BodyTooLarge));
        Assert.That(answer, Does.Contain(RaisedLimit.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        Assert.That(_logs.Faults, Is.Empty);
    }

    [Test]
    public async Task AContentLengthLargerThanTheBodyEndsCleanlyWhenTheClientCloses()
    {
        string? answer = await ExchangeAsync("Content-Length: 1000\r\n", async stream =>
            await stream.WriteAsync("{\"accounts\":[\"x\"]"u8.ToArray()), halfClose: true);

        // Either a precise answer, or the connection closed without one; never an internal error.
        if (answer is not null)
        {
            Assert.That(RetCode(answer), Is.EqualTo((int)VosRetCode.IncompleteBody), answer);
            Assert.That(answer, Does.StartWith("HTTP/1.1 400"));
        }
        Assert.That(_logs.Faults, Is.Empty);
    }

    [Test]
    public async Task AContentLengthLargerThanTheBodyEndsCleanlyWhenTheClientStalls()
    {
        // The server's minimum body data rate (Kestrel: 240 bytes/s after a 5 s grace) ends the wait.
        string? answer = await ExchangeAsync("Content-Length: 1000\r\n", async stream =>
            await stream.WriteAsync("{\"accounts\":[\"x\"]"u8.ToArray()), halfClose: false);

        if (answer is not null)
        {
            Assert.That(RetCode(answer), Is.EqualTo((int)VosRetCode.IncompleteBody), answer);
        }
        Assert.That(_logs.Faults, Is.Empty);
    }

    private static int RetCode(string response)
    {
        int start = response.IndexOf('{', StringComparison.Ordinal);
        int end = response.LastIndexOf('}');
        return JsonDocument.Parse(response[start..(end + 1)]).RootElement.GetProperty("retCode").GetInt32();
    }

    /// <summary>
    /// Sends a GetCustomer request head with <paramref name="headers"/>, then the body writer (its write failures
    /// ignored: the server may close first); returns the raw response, or null when the connection closed without one.
    /// </summary>
    private async Task<string?> ExchangeAsync(string headers, Func<NetworkStream, Task> writeBody, bool halfClose = false)
    {
        using var client = new TcpClient();
        await client.ConnectAsync(_base.Host, _base.Port);
        var stream = client.GetStream();
        await stream.WriteAsync(Encoding.ASCII.GetBytes(
            $"POST /external/server/GetCustomer HTTP/1.1\r\nHost: {_base.Authority}\r\nContent-Type: application/json\r\n" +
            $"Connection: close\r\n{headers}\r\n"));
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var reading = ReadAllAsync(stream, timeout.Token);
        try
        {
            await writeBody(stream);
            if (halfClose)
            {
                client.Client.Shutdown(SocketShutdown.Send);
            }
        }
        catch (IOException)
        {
        }
        string text = await reading;
        return text.Length == 0 ? null : text;
    }

    private static async Task<string> ReadAllAsync(NetworkStream stream, CancellationToken cancellationToken)
    {
        var received = new MemoryStream();
        byte[] buffer = new byte[8192];
        try
        {
            int read;
            while ((read = await stream.ReadAsync(buffer, cancellationToken)) > 0)
            {
                received.Write(buffer, 0, read);
            }
        }
        catch (IOException)
        {
        }
        return Encoding.UTF8.GetString(received.ToArray());
    }
}
