using System.Net;
using System.Text;
using Softswitch.Core.Pushes;

namespace Softswitch.Api.Composition;

/// <summary>
/// POSTs a push as JSON to OUT_POST_URL/&lt;page&gt;&lt;suffix&gt; (001_… §4, §4.1). The body is exactly the manual's
/// fields; the idempotency key travels only in the Idempotency-Key header, because the manual lists every body
/// field and a strict receiver could refuse an unknown one. 2xx is delivered whatever its retCode (the receiver has
/// the push); unreachable, timeout, 408, 429 and 5xx are retried; any other status is a permanent refusal.
/// </summary>
internal sealed class HttpPushTransport : IPushTransport, IDisposable
{
    public const string IdempotencyKeyHeader = "Idempotency-Key";

    private readonly HttpClient _client;
    private readonly string _baseUrl;
    private readonly string _suffix;
    private readonly TimeSpan _timeout;

    public HttpPushTransport(PushOptions options)
    {
        _baseUrl = options.Url.TrimEnd('/') + "/";
        _suffix = options.PageSuffix;
        _timeout = options.RequestTimeout;
        _client = new HttpClient(new SocketsHttpHandler
        {
            // A receiver that moves (DNS change, restart on a new address) is picked up without restarting the switch.
            PooledConnectionLifetime = TimeSpan.FromMinutes(2),
            ConnectTimeout = options.RequestTimeout,
        })
        {
            Timeout = Timeout.InfiniteTimeSpan, // the per-request token below is the timeout
        };
    }

    public string UrlFor(string page) => _baseUrl + page + _suffix;

    public async Task<PushSendResult> SendAsync(StoredPush push, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_timeout);
        using var request = new HttpRequestMessage(HttpMethod.Post, UrlFor(push.Page))
        {
            Content = new StringContent(push.Body, Encoding.UTF8, "application/json"),
        };
        request.Headers.TryAddWithoutValidation(IdempotencyKeyHeader, push.IdempotencyKey);
        try
        {
            using var response = await _client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            return Classify(response.StatusCode);
        }
        catch (HttpRequestException)
        {
            return PushSendResult.Retry;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return PushSendResult.Retry; // the request timed out
        }
    }

    public void Dispose() => _client.Dispose();

    internal static PushSendResult Classify(HttpStatusCode status)
    {
        int code = (int)status;
        if (code is >= 200 and < 300)
        {
            return PushSendResult.Delivered;
        }
        return code is 408 or 429 or >= 500 ? PushSendResult.Retry : PushSendResult.Rejected;
    }
}
