using Softswitch.Api.Vos;
using Softswitch.Api.Vos.Catalog;

namespace Softswitch.Api.Composition;

/// <summary>
/// Declares a VOS3000 interface (001_… §3) in one place: the route, the pipeline around it (access control, size,
/// charset, JSON), the mandatory-field check and binding, and its catalog entry (metadata on the route), from which
/// /openapi.json and the test page are generated. See docs/api-endpoints.md.
/// </summary>
public static class VosRouteGroupBuilderExtensions
{
    /// <summary>
    /// Maps POST {group}/{name}: checks <see cref="VosEndpointDoc.Mandatory"/> on the raw body (a missing field is
    /// told apart from a mistyped one), binds <typeparamref name="TRequest"/> strictly, then calls the handler.
    /// </summary>
    public static RouteHandlerBuilder MapVos<TRequest>(this RouteGroupBuilder group, string name, VosEndpointDoc doc,
        Func<TRequest, HttpContext, CancellationToken, Task<VosResponse>> handler)
        where TRequest : class, new()
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        string[] topLevel = doc.Mandatory.Where(f => !f.Contains('.', StringComparison.Ordinal)).ToArray();
        (string Parent, string[] Fields)[] nested = doc.Mandatory
            .Where(f => f.Contains('.', StringComparison.Ordinal))
            .Select(f => (Parent: f[..f.IndexOf('.', StringComparison.Ordinal)], Field: f[(f.IndexOf('.', StringComparison.Ordinal) + 1)..]))
            .GroupBy(p => p.Parent, StringComparer.Ordinal)
            .Select(g => (g.Key, g.Select(p => p.Field).ToArray()))
            .ToArray();

        // A Delegate (not a RequestDelegate) so the builder is a RouteHandlerBuilder callers can chain on.
        Func<HttpContext, Task> endpoint = context => VosPipeline.HandleAsync(context, (body, ct) =>
            {
                var error = body.Require(topLevel);
                foreach (var (parent, fields) in nested)
                {
                    error ??= body.RequireIn(parent, fields);
                }
                if (error is not null)
                {
                    return Task.FromResult(error);
                }
                return body.TryBind(out TRequest request, out error)
                    ? handler(request, context, ct)
                    : Task.FromResult(error!);
            });
        return group.MapPost("/" + name, (Delegate)endpoint)
            .WithMetadata(new VosEndpointEntry(name, doc, typeof(TRequest)));
    }

    /// <summary>As <see cref="MapVos{TRequest}"/>, with the one service the handler needs resolved for it.</summary>
    public static RouteHandlerBuilder MapVos<TRequest, TService>(this RouteGroupBuilder group, string name,
        VosEndpointDoc doc, Func<TRequest, TService, CancellationToken, Task<VosResponse>> handler)
        where TRequest : class, new()
        where TService : notnull =>
        group.MapVos<TRequest>(name, doc,
            (request, context, ct) => handler(request, context.RequestServices.GetRequiredService<TService>(), ct));
}
