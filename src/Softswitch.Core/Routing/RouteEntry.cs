using Softswitch.Core.Gateways;

namespace Softswitch.Core.Routing;

/// <summary>
/// A routing gateway listed under one prefix of <see cref="RoutingIndex"/>, with its ordering fields and its
/// <c>rewriteRulesInCallee</c>/<c>rewriteRulesInCaller</c> compiled once per index build (vos-routing §2 "A gateway's
/// rewriteRulesIn* apply to what is sent to it"). A plan is null when the stored text does not compile (written
/// before validation existed): the router must not send calls through such a gateway rather than guess.
/// </summary>
public readonly record struct RouteEntry(RoutingGateway Gateway, DialPlan? CalleeRules, DialPlan? CallerRules)
{
    public long Id => Gateway.Id;

    public int Priority => Gateway.Priority;

    /// <summary>线路上限; 0 means no limit (as for phones' lineCapacity).</summary>
    public int Capacity => Gateway.Capacity;

    public bool Continuation => Gateway.PrefixStyle == GatewayPrefixStyle.Continuing;
}
