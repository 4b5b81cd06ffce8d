using Softswitch.Api.Composition;
using Softswitch.Api.Vos;
using Softswitch.Api.Vos.Catalog;
using Softswitch.Core.IpLimits;

namespace Softswitch.Api.Endpoints.Operations;

/// <summary>IP blocks (地理围栏): CreateIpLimit (001_… §3.86) and DeleteIpLimit (§3.87). Translation only.</summary>
public static class IpLimitEndpoints
{
    private const string DeleteName = "DeleteIpLimit";

    /// <summary>§3.87 gives the address as "/external/server/Delete IpLimit"; clients copying it send "Delete%20IpLimit".</summary>
    private const string ManualSpelling = "Delete IpLimit";

    public static void Map(RouteGroupBuilder group)
    {
        group.MapVos<IpLimitRequest, IpLimitService>("CreateIpLimit",
            new("3.86", "Add an IPv4 block (count addresses from ip, 1 by default) to an area; blocks may not overlap.")
            {
                Mandatory = ["ip"],
                Example = """{"area":"Beijing","ip":"203.0.113.0","count":256,"memo":"carrier A signalling"}""",
            },
            async (request, limits, ct) =>
                VosResults.From(await limits.CreateAsync(request.Ip, request.Count, request.Area, request.Memo, ct)));

        group.MapVos<IpLimitRequest, IpLimitService>(DeleteName,
            new("3.87", "Delete the IP blocks starting at the given addresses (a String, comma-separated when several).")
            {
                Mandatory = ["ips"],
                Example = """{"ips":"203.0.113.0"}""",
            },
            async (request, limits, ct) => VosResults.From(await limits.DeleteAsync(request.Ips, ct)));

        // The manual's spelling runs the same endpoint (same pipeline and checks) but is not a second catalog entry.
        group.MapPost("/" + ManualSpelling, (HttpContext context, EndpointDataSource endpoints) =>
            endpoints.Endpoints.OfType<RouteEndpoint>()
                .First(e => e.Metadata.GetMetadata<VosEndpointEntry>()?.Name == DeleteName)
                .RequestDelegate!(context));
    }
}
