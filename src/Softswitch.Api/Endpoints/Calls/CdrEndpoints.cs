using Softswitch.Api.Composition;
using Softswitch.Api.Vos;
using Softswitch.Core.Cdrs;

namespace Softswitch.Api.Endpoints.Calls;

/// <summary>CDR interfaces, 001_… §3.47 (GetCdr) and §3.51 (CreateCdr). Translation only: CdrService decides.</summary>
public static class CdrEndpoints
{
    public static void Map(RouteGroupBuilder group)
    {
        group.MapVos<GetCdrRequest, CdrService>("GetCdr",
            new("3.47", "Historical CDRs of the given accounts between two days (yyyyMMdd, inclusive), with optional filters.")
            {
                Mandatory = ["accounts", "beginTime", "endTime"],
                Example = """{"accounts":["demo"],"calleeE164":"1002","beginTime":"20260301","endTime":"20260331"}""",
                Response = typeof(GetCdrResponse),
            },
            async (request, cdrs, ct) =>
            {
                var result = await cdrs.QueryAsync(request.Accounts, request.BeginTime, request.EndTime,
                    new CdrFilters(request.CallerE164, request.CalleeE164, request.CallerGateway, request.CalleeGateway),
                    ct);
                return result.IsSuccess
                    ? new GetCdrResponse { InfoCdrs = result.Value!.Select(InfoCdr.From).ToArray() }
                    : VosResults.Fail(result);
            });

        group.MapVos<CreateCdrRequest, CdrService>("CreateCdr",
            new("3.51", "External billing: record a CDR rated by the callee's fee rate and charge the billing account.")
            {
                Mandatory = ["billingMode", "billingTime"],
                Example = """{"billingMode":0,"account":"demo","callerE164":"1001","calleeE164":"1002","callerIp":"192.0.2.10","startTime":1772359200000,"stopTime":1772359260000,"billingTime":60,"endDirection":0,"endReason":0,"flowNo":-1}""",
                Response = typeof(CreateCdrResponse),
            },
            async (request, cdrs, ct) =>
            {
                var result = await cdrs.CreateAsync(request.ToExternal(), ct);
                return result.IsSuccess ? new CreateCdrResponse { FlowNo = result.Value } : VosResults.Fail(result);
            });
    }
}
