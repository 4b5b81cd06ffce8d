using System.Text.Json;
using Microsoft.Extensions.Options;
using Softswitch.Api.Vos;
using Softswitch.Api.Vos.Access;
using Softswitch.Api.Vos.Catalog;

namespace Softswitch.Api.Endpoints.Docs;

/// <summary>
/// GET /openapi.json and the test page GET /external/test/server (001_… §2.3 "调试界面"), both generated from the
/// endpoint catalog. Both sit in the manual's /external/test/server directory for access control (§2.1).
/// </summary>
public static class VosDocsEndpoints
{
    public const string OpenApiPath = "/openapi.json";

    public static void Map(IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(OpenApiPath, async (HttpContext context) =>
        {
            if (await DeniedAsync(context, VosAccess.TestDirectory + OpenApiPath))
            {
                return;
            }
            byte[] document = VosOpenApiDocument.Write(VosEndpointCatalog.From(context.RequestServices));
            context.Response.ContentType = "application/json; charset=utf-8";
            await context.Response.Body.WriteAsync(document, context.RequestAborted);
        });

        endpoints.MapGet(VosAccess.TestDirectory, async (HttpContext context) =>
        {
            if (await DeniedAsync(context, VosAccess.TestDirectory))
            {
                return;
            }
            context.Response.ContentType = "text/html; charset=utf-8";
            // Everything is inline and the page talks only to this switch: it must work on a closed network.
            context.Response.Headers.ContentSecurityPolicy =
                "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'";
            await context.Response.WriteAsync(VosTestPage.Render(context.RequestServices.GetRequiredService<TimeProvider>()), context.RequestAborted);
        });
    }

    private static async Task<bool> DeniedAsync(HttpContext context, string path)
    {
        var options = context.RequestServices.GetService<IOptions<VosApiOptions>>()?.Value ?? new VosApiOptions();
        var logger = context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger("Softswitch.Api.Vos");
        if (VosPipeline.Deny(context, options, logger, path) is not { } denied)
        {
            return false;
        }
        context.Response.ContentType = "application/json; charset=utf-8";
        await JsonSerializer.SerializeAsync(context.Response.Body, denied, VosJson.Options, context.RequestAborted);
        return true;
    }
}
