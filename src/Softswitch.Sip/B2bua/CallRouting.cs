using Softswitch.Core.Alarms;
using Softswitch.Core.Gateways;
using Softswitch.Core.Routing;

namespace Softswitch.Sip.B2bua;

/// <summary>
/// What the B2BUA needs from Core to route calls: the router (made once, over the B2BUA's own live calls, which it
/// counts for the line limits), the gateway tables (the mapping gateway's number sources, a routing gateway's
/// credentials), the live gateway statistics each attempt reports to, and the illegal-call alarms.
/// </summary>
public sealed record CallRouting(
    Func<ILiveCallCounter, CallRouter> CreateRouter,
    GatewayState Gateways,
    GatewayStatistics Statistics,
    IllegalCallAlarms IllegalCalls);
