using Softswitch.Api.Composition;
using Softswitch.Api.Vos;
using Softswitch.Core.Calls;

namespace Softswitch.Api.Endpoints.Calls;

/// <summary>Live-call interfaces, 001_… §3.21 and §3.82. Translation only: the registry and ICallControl decide.</summary>
public static class CallEndpoints
{
    public static void Map(RouteGroupBuilder group)
    {
        group.MapVos<GetCurrentCallRequest>("GetCurrentCall",
            new("3.21", "List live calls, optionally filtered by caller, callee and gateways (keepTime < 0: still setting up).")
            {
                Example = """{"callerE164s":["1001"],"calleeE164s":["1002"]}""",
                Response = typeof(GetCurrentCallResponse),
            },
            (request, context, _) =>
            {
                var calls = context.RequestServices.GetRequiredService<CallRegistry>();
                var time = context.RequestServices.GetRequiredService<TimeProvider>();
                return Task.FromResult<VosResponse>(Current(request, calls, time));
            });

        group.MapVos<DisconnectCurrentCallRequest>("DisconnectCurrentCall",
            new("3.82", "End live calls by the callId GetCurrentCall reported (all ids must exist, else nothing ends).")
            {
                Mandatory = ["callIds"],
                Example = """{"callIds":[1]}""",
            },
            (request, context, _) => Task.FromResult(Disconnect(request,
                context.RequestServices.GetRequiredService<CallRegistry>(),
                context.RequestServices.GetRequiredService<ICallControl>())));
    }

    private static GetCurrentCallResponse Current(GetCurrentCallRequest request, CallRegistry calls, TimeProvider time)
    {
        // "不设置:表示此过滤条件无效": an absent or empty gateway name is no filter.
        var snapshots = calls.Query(new CallQuery
        {
            CallerE164s = request.CallerE164s,
            CalleeE164s = request.CalleeE164s,
            CallerGateway = string.IsNullOrEmpty(request.GatewayMappingName) ? null : request.GatewayMappingName,
            CalleeGateway = string.IsNullOrEmpty(request.GatewayRoutingName) ? null : request.GatewayRoutingName,
        });
        var now = time.GetUtcNow();
        return new GetCurrentCallResponse
        {
            InfoCurrentCalls = snapshots
                .Select(s => InfoCurrentCall.From(s, calls.Find(s.CallId)?.RtpFlow ?? RtpFlowSnapshot.Empty, now))
                .ToArray(),
        };
    }

    /// <summary>
    /// All ids are checked before any call is touched, so a request naming an unknown id changes nothing and
    /// answers NotFound with the unknown ids; a call that ends by itself in between is not an error.
    /// </summary>
    private static VosResponse Disconnect(DisconnectCurrentCallRequest request, CallRegistry calls, ICallControl control)
    {
        if (request.CallIds is not { Count: > 0 } ids)
        {
            return VosResponse.Fail(VosRetCode.MissingField, "Missing mandatory field 'callIds'.");
        }
        var unknown = ids.Where(id => calls.Find(id) is null).ToArray();
        if (unknown.Length > 0)
        {
            return VosResponse.Fail(VosRetCode.NotFound, $"No current call with callId {string.Join(", ", unknown)}.");
        }
        foreach (long id in ids.Distinct())
        {
            control.Disconnect(id, EndReason.DisconnectedByManagement);
        }
        return VosResponse.Ok;
    }
}
