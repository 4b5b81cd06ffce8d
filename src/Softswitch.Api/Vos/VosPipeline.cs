using System.Text.Json;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using Softswitch.Api.Vos.Access;

namespace Softswitch.Api.Vos;

/// <summary>
/// What every /external/server interface does around its own logic: access control (001_… §2.1), body size
/// limit, charset check, JSON parsing, and writing the answer. The body is read by hand rather than by model
/// binding so that malformed JSON, a missing field and a wrong type each get their own code and a reason naming
/// the field, always with HTTP 200 (except access denied, 403), as the manual's clients expect.
/// </summary>
public static partial class VosPipeline
{
    private const string HtmlContentType = "text/html;charset=UTF-8";
    private const string JsonContentType = "application/json; charset=utf-8";

    public static async Task HandleAsync(HttpContext context, Func<VosBody, CancellationToken, Task<VosResponse>> handler)
    {
        var options = context.RequestServices.GetService<IOptions<VosApiOptions>>()?.Value ?? new VosApiOptions();
        var logger = context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger("Softswitch.Api.Vos");
        VosResponse response;
        try
        {
            response = await RunAsync(context, options, logger, handler);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            return;
        }
        catch (Exception ex)
        {
            VosApiLog.InterfaceFailed(logger, context.Request.Path, ex);
            response = VosResponse.Fail(VosRetCode.InternalError, "Internal error, operation failed.");
        }
        await WriteAsync(context, response);
    }

    private static async Task<VosResponse> RunAsync(HttpContext context, VosApiOptions options, ILogger logger,
        Func<VosBody, CancellationToken, Task<VosResponse>> handler)
    {
        if (Deny(context, options, logger, context.Request.Path.Value ?? "") is { } denied)
        {
            return denied;
        }
        if (CharsetProblem(context.Request.ContentType) is { } charset)
        {
            return charset;
        }
        var (body, refused) = await ReadBodyAsync(context, options, logger);
        if (refused is not null)
        {
            return refused;
        }
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body, VosJson.DocumentOptions);
        }
        catch (JsonException ex)
        {
            return VosResponse.Fail(VosRetCode.MalformedJson,
                $"Malformed JSON at line {ex.LineNumber + 1}, byte {ex.BytePositionInLine + 1}.");
        }
        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return VosResponse.Fail(VosRetCode.MalformedJson, "The request body must be a JSON object.");
            }
            if (LongestArray(document.RootElement, options.MaxArrayItems) is { } found)
            {
                string field = found.Length == 0 ? "(body)" : found;
                return VosResponse.Fail(VosRetCode.TooManyItems,
                    $"Field '{field}' has more than {options.MaxArrayItems} items (api.maxArrayItems).");
            }
            return await handler(new VosBody(document.RootElement), context.RequestAborted);
        }
    }

    /// <summary>
    /// The access check (001_… §2.1) for <paramref name="path"/>, as an answer when denied: 403 for an address
    /// not granted the directory, 401 with a Bearer challenge for a missing or wrong token; null when allowed.
    /// </summary>
    internal static VosResponse? Deny(HttpContext context, VosApiOptions options, ILogger logger, string path)
    {
        var decision = VosAccess.Check(options, path, context.Connection.RemoteIpAddress,
            context.Request.Headers.Authorization.ToString());
        if (decision == VosAccessDecision.Allowed)
        {
            return null;
        }
        VosApiLog.AccessDenied(logger, context.Request.Path, context.Connection.RemoteIpAddress?.ToString() ?? "local");
        if (decision == VosAccessDecision.Unauthorized)
        {
            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            context.Response.Headers.WWWAuthenticate = "Bearer";
            return VosResponse.Fail(VosRetCode.AccessDenied, "Missing or wrong bearer token.");
        }
        context.Response.StatusCode = StatusCodes.Status403Forbidden;
        return VosResponse.Fail(VosRetCode.AccessDenied, "Access denied.");
    }

    /// <summary>The interface is UTF-8 (001_… §1); any media type is read as JSON, but another charset is refused.</summary>
    private static VosResponse? CharsetProblem(string? contentType)
    {
        if (string.IsNullOrEmpty(contentType) || !MediaTypeHeaderValue.TryParse(contentType, out var media))
        {
            return null;
        }
        string? charset = media.Charset.HasValue ? media.Charset.Value!.Trim('"') : null;
        return charset is null || charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase) ||
               charset.Equals("utf8", StringComparison.OrdinalIgnoreCase)
            ? null
            : VosResponse.Fail(VosRetCode.UnsupportedCharset, $"Unsupported charset '{charset}': use UTF-8.");
    }

    /// <summary>Answers in the request's dialect: text/html;charset=UTF-8 if it used the manual's type, else JSON.</summary>
    private static async Task WriteAsync(HttpContext context, VosResponse response)
    {
        bool html = context.Request.ContentType?.StartsWith("text/html", StringComparison.OrdinalIgnoreCase) == true;
        context.Response.ContentType = html ? HtmlContentType : JsonContentType;
        await JsonSerializer.SerializeAsync(context.Response.Body, response, response.GetType(), VosJson.Options,
            context.RequestAborted);
    }
}
