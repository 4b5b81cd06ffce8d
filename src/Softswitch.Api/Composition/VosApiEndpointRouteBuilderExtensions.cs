using Softswitch.Api.Endpoints.Customers;
using Softswitch.Api.Endpoints.Docs;
using Softswitch.Api.Endpoints.Phones;
using Softswitch.Api.Vos;

namespace Softswitch.Api.Composition;

/// <summary>Maps the VOS3000 management interface (001_… §3) under /external/server.</summary>
public static class VosApiEndpointRouteBuilderExtensions
{
    public const string Prefix = "/external/server";

    /// <summary>
    /// Maps /openapi.json and the test page (VosDocsEndpoints), every interface group (each declares its interfaces with MapVos, which records them in the
    /// catalog), plus a fallback that answers any other name with UnknownInterface (literal routes mapped by other
    /// groups still take precedence).
    /// </summary>
    public static RouteGroupBuilder MapVosApi(this IEndpointRouteBuilder endpoints)
    {
        VosDocsEndpoints.Map(endpoints);
        var group = endpoints.MapGroup(Prefix);
        CustomerEndpoints.Map(group);
        PhoneEndpoints.Map(group);
        group.MapCallEndpoints();
        group.MapVosGatewaysAndNumbers();
        group.MapVosSystem();
        group.MapVosBilling();
        group.MapPost("/{name}", (HttpContext context, string name) =>
            VosPipeline.HandleAsync(context, (_, _) => Task.FromResult(
                VosResponse.Fail(VosRetCode.UnknownInterface, $"Unknown interface '{name}'."))));
        return group;
    }
}
