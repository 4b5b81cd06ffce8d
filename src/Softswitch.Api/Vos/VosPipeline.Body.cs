using System.Text.Json;
using System.Text.Unicode;
using Microsoft.AspNetCore.Http.Features;

namespace Softswitch.Api.Vos;

/// <summary>
/// Reading the body: bounded while it arrives (Content-Length or chunked), a body that ends or stalls early
/// refused cleanly, bytes that are not UTF-8 refused before parsing, and array lengths bounded after it
/// (issue 12 hole 9: none of these may end in InternalError).
/// </summary>
public static partial class VosPipeline
{
    private static ReadOnlySpan<byte> Utf8Bom => [0xEF, 0xBB, 0xBF];

    /// <summary>
    /// Reads at most <see cref="VosApiOptions.MaxBodyBytes"/> bytes, refusing early on a larger Content-Length or
    /// as soon as a chunked body passes the limit. An empty body reads as {} (GetAllPhoneOnline has no fields, and
    /// clients send nothing); a UTF-8 BOM is skipped. The refusal is null when the body was read.
    /// </summary>
    private static async Task<(ReadOnlyMemory<byte> Body, VosResponse? Refusal)> ReadBodyAsync(HttpContext context,
        VosApiOptions options, ILogger logger)
    {
        int limit = options.MaxBodyBytes;
        var request = context.Request;
        if (request.ContentLength > limit)
        {
            return (default, TooLarge(limit));
        }
        // The server's own limit (Kestrel's is fixed at start-up) follows api.maxBodyBytes, so raising the option
        // works and the server never refuses first with an exception of its own.
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } sizeFeature)
        {
            sizeFeature.MaxRequestBodySize = limit;
        }
        byte[] body;
        try
        {
            body = await ReadAtMostAsync(request.Body, limit, request.ContentLength, context.RequestAborted);
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return (default, TooLarge(limit));
        }
        catch (BadHttpRequestException ex)
        {
            if (logger.IsEnabled(LogLevel.Debug))
            {
                string path = request.Path;
                string client = context.Connection.RemoteIpAddress?.ToString() ?? "local";
                VosApiLog.IncompleteBody(logger, path, client, ex.Message);
            }
            context.Response.StatusCode = ex.StatusCode;
            return (default, VosResponse.Fail(VosRetCode.IncompleteBody, $"Incomplete request body: {ex.Message}"));
        }
        if (body.Length > limit)
        {
            return (default, TooLarge(limit));
        }
        ReadOnlyMemory<byte> content = body.AsSpan().StartsWith(Utf8Bom) ? body.AsMemory(3) : body;
        if (!Utf8.IsValid(content.Span))
        {
            return (default, VosResponse.Fail(VosRetCode.MalformedJson, "The request body is not valid UTF-8."));
        }
        bool blank = content.Span.IndexOfAnyExcept(" \t\r\n"u8) < 0;
        return (blank ? "{}"u8.ToArray() : content, null);
    }

    /// <summary>The body, or limit + 1 bytes as soon as it is known to be longer than the limit.</summary>
    private static async Task<byte[]> ReadAtMostAsync(Stream stream, int limit, long? contentLength,
        CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream(contentLength is { } length ? (int)length : 0);
        byte[] chunk = new byte[16 * 1024];
        int read;
        while ((read = await stream.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > limit)
            {
                return new byte[limit + 1];
            }
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }

    private static VosResponse TooLarge(int limit) =>
        VosResponse.Fail(VosRetCode.BodyTooLarge, $"Request body larger than {limit} bytes (api.maxBodyBytes).");

    /// <summary>
    /// The path of the first array holding more than <paramref name="limit"/> items ("accounts", "a.b[2].c"), or
    /// null. Nesting is already bounded by the parser (32), so the walk is linear in the body; the path is built
    /// only for the array found.
    /// </summary>
    private static string? LongestArray(JsonElement element, int limit)
    {
        if (element.ValueKind == JsonValueKind.Array && element.GetArrayLength() > limit)
        {
            return "";
        }
        if (element.ValueKind == JsonValueKind.Object)
        {
            foreach (var property in element.EnumerateObject())
            {
                if (LongestArray(property.Value, limit) is { } found)
                {
                    return found.Length == 0 || found[0] == '[' ? property.Name + found : $"{property.Name}.{found}";
                }
            }
        }
        else if (element.ValueKind == JsonValueKind.Array)
        {
            int index = 0;
            foreach (var item in element.EnumerateArray())
            {
                if (LongestArray(item, limit) is { } found)
                {
                    return found.Length == 0 || found[0] == '[' ? $"[{index}]{found}" : $"[{index}].{found}";
                }
                index++;
            }
        }
        return null;
    }
}
