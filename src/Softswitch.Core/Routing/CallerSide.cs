using Softswitch.Core.Billing;
using Softswitch.Core.Gateways;
using Softswitch.Core.Phones;

namespace Softswitch.Core.Routing;

/// <summary>
/// What the inbound half of <see cref="CallRouter"/> established about the caller, for the outbound half: who pays,
/// the numbers after the inbound rules, and the caller's outbound rights and policies.
/// </summary>
internal sealed record CallerSide
{
    public MappingGateway? Gateway { get; init; }

    public Phone? Phone { get; init; }

    public BillingOwner? Payer { get; init; }

    public required string Caller { get; init; }

    public required string Callee { get; init; }

    /// <summary>firstRoutePolicy / secondRoutePolicy (phones: firstRoutingPolicy …): 0 none, 1 ASR, 2 lowest cost.</summary>
    public int FirstPolicy { get; init; }

    public int SecondPolicy { get; init; }

    /// <summary>routingGatewayGroups and its Allow switch.</summary>
    public string RouteGroups { get; init; } = "";

    public bool RouteGroupsAllow { get; init; }

    public bool MaxSecondRatesEnable { get; init; }

    public double MaxSecondRates { get; init; }

    public TimeSpan? MaxDuration { get; init; }
}
