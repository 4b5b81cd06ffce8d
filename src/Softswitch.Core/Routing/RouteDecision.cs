using System.Diagnostics.CodeAnalysis;
using Softswitch.Core.Calls;

namespace Softswitch.Core.Routing;

/// <summary>
/// The answer of <see cref="CallRouter.Route"/>: exactly one of a refusal or a plan. Either way
/// <see cref="Skipped"/> lists the routing gateways that were passed over and why, for the call's log.
/// </summary>
public sealed record RouteDecision
{
    private RouteDecision(RouteRefusal? refusal, RoutePlan? plan, IReadOnlyList<SkippedGateway> skipped)
    {
        Refusal = refusal;
        Plan = plan;
        Skipped = skipped;
    }

    public RouteRefusal? Refusal { get; }

    public RoutePlan? Plan { get; }

    public IReadOnlyList<SkippedGateway> Skipped { get; }

    [MemberNotNullWhen(true, nameof(Plan))]
    [MemberNotNullWhen(false, nameof(Refusal))]
    public bool IsRouted => Plan is not null;

    public static RouteDecision Refuse(EndReason reason, string detail, IReadOnlyList<SkippedGateway>? skipped = null) =>
        new(new RouteRefusal(reason, detail), null, skipped ?? []);

    public static RouteDecision Route(RoutePlan plan) => new(null, plan, plan.Skipped);
}
