using Softswitch.Api.Vos;
using Softswitch.Core.Calls;

namespace Softswitch.Api.Endpoints;

/// <summary>Live-call interfaces, 001_… §3.21 and §3.82. Translation only: the registry and ICallControl decide.</summary>
public static class CallEndpoints
{
    public static void Map(RouteGroupBuilder group)
    {
        group.MapPost("/GetCurrentCall", (HttpContext context, CallRegistry calls, TimeProvider time) =>
            VosPipeline.HandleAsync(context, (body, _) =>
            {
                if (body.Read(out GetCurrentCallRequest request) is { } error)
                {
                    return Task.FromResult(error);
                }
                // "不设置:表示此过滤条件无效": an absent or empty gateway name is no filter.
                var snapshots = calls.Query(new CallQuery
                {
                    CallerE164s = request.CallerE164s,
                    CalleeE164s = request.CalleeE164s,
                    CallerGateway = string.IsNullOrEmpty(request.GatewayMappingName) ? null : request.GatewayMappingName,
                    CalleeGateway = string.IsNullOrEmpty(request.GatewayRoutingName) ? null : request.GatewayRoutingName,
                });
                var now = time.GetUtcNow();
                VosResponse response = new GetCurrentCallResponse
                {
                    InfoCurrentCalls = snapshots
                        .Select(s => InfoCurrentCall.From(s, calls.Find(s.CallId)?.RtpFlow ?? RtpFlowSnapshot.Empty, now))
                        .ToArray(),
                };
                return Task.FromResult(response);
            }));

        group.MapPost("/DisconnectCurrentCall", (HttpContext context, CallRegistry calls, ICallControl control) =>
            VosPipeline.HandleAsync(context, (body, _) =>
                Task.FromResult(Disconnect(body, calls, control))));
    }

    /// <summary>
    /// All ids are checked before any call is touched, so a request naming an unknown id changes nothing and
    /// answers NotFound with the unknown ids; a call that ends by itself in between is not an error.
    /// </summary>
    private static VosResponse Disconnect(VosBody body, CallRegistry calls, ICallControl control)
    {
        if (body.Read(out DisconnectCurrentCallRequest request, "callIds") is { } error)
        {
            return error;
        }
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
