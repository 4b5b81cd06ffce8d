using Softswitch.Api.Endpoints.Calls;
using Softswitch.Api.Endpoints.Operations;

namespace Softswitch.Api.Composition;

/// <summary>Maps the call, CDR and system interfaces into the VOS3000 group (called from MapVosApi).</summary>
public static class CallEndpointRouteBuilderExtensions
{
    /// <summary>Maps GetCurrentCall, DisconnectCurrentCall, GetCdr, CreateCdr and GetPerformance.</summary>
    public static RouteGroupBuilder MapCallEndpoints(this RouteGroupBuilder group)
    {
        CallEndpoints.Map(group);
        CdrEndpoints.Map(group);
        SystemEndpoints.Map(group);
        return group;
    }
}
