using Softswitch.Api.Vos;
using Softswitch.Core.Cdrs;

namespace Softswitch.Api.Endpoints;

/// <summary>CDR interfaces, 001_… §3.47 (GetCdr) and §3.51 (CreateCdr). Translation only: CdrService decides.</summary>
public static class CdrEndpoints
{
    public static void Map(RouteGroupBuilder group)
    {
        group.MapPost("/GetCdr", (HttpContext context, CdrService cdrs) =>
            VosPipeline.HandleAsync(context, async (body, ct) =>
            {
                if (body.Read(out GetCdrRequest request, "accounts", "beginTime", "endTime") is { } error)
                {
                    return error;
                }
                var result = await cdrs.QueryAsync(request.Accounts, request.BeginTime, request.EndTime,
                    new CdrFilters(request.CallerE164, request.CalleeE164, request.CallerGateway, request.CalleeGateway),
                    ct);
                return result.IsSuccess
                    ? new GetCdrResponse { InfoCdrs = result.Value!.Select(InfoCdr.From).ToArray() }
                    : VosResults.Fail(result);
            }));

        group.MapPost("/CreateCdr", (HttpContext context, CdrService cdrs) =>
            VosPipeline.HandleAsync(context, async (body, ct) =>
            {
                if (body.Read(out CreateCdrRequest request, "billingMode", "billingTime") is { } error)
                {
                    return error;
                }
                var result = await cdrs.CreateAsync(request.ToExternal(), ct);
                return result.IsSuccess ? new CreateCdrResponse { FlowNo = result.Value } : VosResults.Fail(result);
            }));
    }
}
