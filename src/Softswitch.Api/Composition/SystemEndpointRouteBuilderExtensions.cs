using Softswitch.Api.Endpoints.Ivr;
using Softswitch.Api.Endpoints.Operations;

namespace Softswitch.Api.Composition;

/// <summary>Maps the alarm, IP block and IVR interfaces into the VOS3000 group (called from MapVosApi).</summary>
public static class SystemEndpointRouteBuilderExtensions
{
    public static RouteGroupBuilder MapVosSystem(this RouteGroupBuilder group)
    {
        AlarmEndpoints.Map(group);
        IpLimitEndpoints.Map(group);
        IvrAudioEndpoints.Map(group);
        IvrCallEndpoints.Map(group);
        return group;
    }
}
