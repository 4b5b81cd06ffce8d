using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Softswitch.Tests.Core.Pushes;

/// <summary>
/// The outside system of 001_… §4 on a real loopback socket: a minimal Kestrel app that records every POST (page,
/// Idempotency-Key, body) in arrival order. It can be stopped and started again on the same port, and told to
/// answer a status other than 200, or to record a push and then answer 503 as if the answer had been lost.
/// </summary>
internal sealed class PushReceiver : IAsyncDisposable
{
    private WebApplication? _app;
    private int _port;

    public ConcurrentQueue<ReceivedPush> Received { get; } = new();

    /// <summary>Status answered to every POST.</summary>
    public int Status { get; set; } = 200;

    /// <summary>When set, every n-th POST is recorded and then answered 503, so the sender resends it.</summary>
    public int LoseAnswerEvery { get; set; }

    public string Url => $"http://127.0.0.1:{_port}/vos";

    public static async Task<PushReceiver> StartNewAsync()
    {
        var receiver = new PushReceiver();
        await receiver.StartAsync();
        return receiver;
    }

    /// <summary>Starts listening: on an ephemeral port the first time, on the same port after that.</summary>
    public async Task StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        var app = builder.Build();
        app.Urls.Add($"http://127.0.0.1:{_port}");
        int count = 0;
        app.MapPost("/vos/{page}", async (string page, HttpRequest request) =>
        {
            using var reader = new StreamReader(request.Body);
            string body = await reader.ReadToEndAsync();
            Received.Enqueue(new ReceivedPush(page, request.Headers["Idempotency-Key"].ToString(), body));
            int n = Interlocked.Increment(ref count);
            if (LoseAnswerEvery > 0 && n % LoseAnswerEvery == 0)
            {
                return Results.StatusCode(503);
            }
            return Status == 200 ? Results.Json(new { retCode = 0 }) : Results.StatusCode(Status);
        });
        await app.StartAsync();
        _port = new Uri(app.Urls.First()).Port;
        _app = app;
    }

    public async Task StopAsync()
    {
        if (_app is { } app)
        {
            _app = null;
            await app.StopAsync();
            await app.DisposeAsync();
        }
    }

    /// <summary>The receiver's dedup: first arrival of each Idempotency-Key, in arrival order.</summary>
    public IReadOnlyList<ReceivedPush> Deduplicated()
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        return Received.Where(r => seen.Add(r.Key)).ToArray();
    }

    public ValueTask DisposeAsync() => new(StopAsync());

    /// <summary>A URL on which nothing listens (a port just released).</summary>
    public static string DeadUrl()
    {
        using var socket = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        socket.Start();
        int port = ((IPEndPoint)socket.LocalEndpoint).Port;
        socket.Stop();
        return $"http://127.0.0.1:{port}/vos";
    }
}
