using System.Buffers;
using Softswitch.Core.Calls;
using Softswitch.Core.Gateways;

namespace Softswitch.Core.Routing;

public sealed partial class CallRouter
{
    /// <summary>
    /// The routing-gateway plan (vos-routing §2, docs/routing.md "Outbound"): the prefixes the callee matches, longest
    /// first; at each, its gateways in policy order, skipping those that may not take the call; on to the next
    /// shorter prefix only while every gateway at this one is continuation style. A gateway listed under two
    /// matching prefixes is tried once. At most routing.maxAttempts attempts.
    /// </summary>
    private RouteDecision Outbound(CallerSide side, CallFacts facts, EndReason notFound)
    {
        var index = _gateways.RoutingIndex;
        Span<RoutePrefixMatch> matches = stackalloc RoutePrefixMatch[Math.Min(index.MaxMatches, side.Callee.Length + 1)];
        int matchCount = index.Match(side.Callee, matches);
        if (matchCount == 0)
        {
            return RouteDecision.Refuse(notFound, $"no phone and no routing gateway prefix matches callee '{side.Callee}'");
        }
        string ratingCallee = NumberChecks.StripTags(side.Callee);
        var attempts = new List<GatewayAttempt>();
        var skipped = new List<SkippedGateway>();
        var seen = new HashSet<long>();
        var local = TimeZoneInfo.ConvertTime(facts.Time, _time.LocalTimeZone);
        bool calleeIsPhone = _directory.FindByNumber(side.Callee) is not null;
        for (int level = 0; level < matchCount && attempts.Count < _options.MaxAttempts; level++)
        {
            var match = matches[level];
            int count = index.Gateways(match).Length;
            var candidates = ArrayPool<RouteCandidate>.Shared.Rent(count);
            var ranked = ArrayPool<RankedCandidate>.Shared.Rent(count);
            try
            {
                index.Order(match, _load, candidates);
                bool leastCost = false;
                for (int i = 0; i < count; i++)
                {
                    var gateway = index.Entry(candidates[i].Entry).Gateway;
                    leastCost |= gateway.FeerateRestrict && gateway.LeastCostRouting;
                }
                var (first, second) = Policies(side, leastCost);
                bool byCost = first == 2 || second == 2, byAsr = first == 1 || second == 1;
                for (int i = 0; i < count; i++)
                {
                    // Costs and ASR are read only where a policy or a skip rule needs them.
                    var gateway = index.Entry(candidates[i].Entry).Gateway;
                    var cost = byCost || gateway.FeerateRestrict || side.MaxSecondRatesEnable ? CostPerSecond(gateway, ratingCallee) : null;
                    ranked[i] = new RankedCandidate(candidates[i], cost, byAsr ? AsrPerMille(gateway.Id) : 1000);
                }
                if (first != 0 || second != 0)
                {
                    ranked.AsSpan(0, count).Sort(new RankedCandidate.Comparer(first, second));
                }
                for (int i = 0; i < count && attempts.Count < _options.MaxAttempts; i++)
                {
                    var entry = index.Entry(ranked[i].Candidate.Entry);
                    if (!seen.Add(entry.Id))
                    {
                        continue;
                    }
                    if (SkipOf(entry, ranked[i], side, facts, local, calleeIsPhone, out var destination) is { } reason)
                    {
                        skipped.Add(new SkippedGateway(entry.Gateway.Name, reason));
                        continue;
                    }
                    attempts.Add(BuildAttempt(attempts.Count, entry, match.PrefixLength, side, destination));
                }
            }
            finally
            {
                ArrayPool<RouteCandidate>.Shared.Return(candidates);
                ArrayPool<RankedCandidate>.Shared.Return(ranked);
            }
            if (!index.Continues(match))
            {
                break;
            }
        }
        if (attempts.Count == 0)
        {
            bool groups = skipped.Count > 0 && skipped.TrueForAll(s => s.Reason == RouteSkip.GroupDenied);
            return RouteDecision.Refuse(groups ? EndReason.GatewayGroupDenied : EndReason.NoRoute,
                $"callee '{side.Callee}' matches {skipped.Count} routing gateways, none can take the call", skipped);
        }
        return RouteDecision.Route(new RoutePlan
        {
            Payer = side.Payer,
            CallerGateway = side.Gateway?.Name,
            CallerPhone = side.Phone?.E164,
            CallerNumber = side.Caller,
            CalleeNumber = side.Callee,
            RatingCallee = ratingCallee,
            Attempts = attempts,
            MaxDuration = side.MaxDuration,
            MaxAttempts = _options.MaxAttempts,
            Deadline = facts.Time + _options.SetupDeadline,
            Skipped = skipped,
        });
    }

    /// <summary>
    /// The order keys after priority: the caller's first and second route policies; decided, when a gateway at the
    /// prefix has leastCostRouting with feerateRestrict and no policy already ranks by cost, cost takes the first
    /// free place (so it still comes before load).
    /// </summary>
    private static (int First, int Second) Policies(CallerSide side, bool leastCost)
    {
        int first = side.FirstPolicy is 1 or 2 ? side.FirstPolicy : 0;
        int second = side.SecondPolicy is 1 or 2 && side.SecondPolicy != first ? side.SecondPolicy : 0;
        if (leastCost && first != 2 && second != 2)
        {
            if (first == 0)
            {
                first = 2;
            }
            else if (second == 0)
            {
                second = 2;
            }
        }
        return (first, second);
    }

    /// <summary>Why the gateway may not take this call, or null (vos-routing §2 "Skipped", in this order).</summary>
    private RouteSkip? SkipOf(RouteEntry entry, RankedCandidate ranked, CallerSide side, CallFacts facts, DateTimeOffset local,
        bool calleeIsPhone, out Destination destination)
    {
        var gateway = entry.Gateway;
        destination = default;
        if (entry.CalleeRules is null || entry.CallerRules is null)
        {
            return RouteSkip.BadRules;
        }
        if (gateway.Protocol != GatewayProtocol.Sip || DestinationOf(gateway, facts.Time) is not { } found)
        {
            return RouteSkip.Unreachable;
        }
        destination = found;
        if (gateway.LockType is GatewayLockType.CallIn or GatewayLockType.All)
        {
            return RouteSkip.Locked;
        }
        if (ranked.Candidate.IsFull)
        {
            return RouteSkip.Full;
        }
        if (!GroupsUsable(side.RouteGroups, side.RouteGroupsAllow, gateway.GatewayGroups))
        {
            return RouteSkip.GroupDenied;
        }
        if (GatewayNumberRules.Of(gateway).Check(side.Caller, side.Callee, calleeIsPhone, _numbers) is var (reason, _))
        {
            return reason switch
            {
                EndReason.CallerPrefixDenied => RouteSkip.CallerPrefixDenied,
                EndReason.CalleePrefixDenied => RouteSkip.CalleePrefixDenied,
                _ => RouteSkip.NumberDenied,
            };
        }
        if (!ScheduleAllows(gateway.ScheduledCallinPrefixes, side.Caller, side.Callee, local))
        {
            return RouteSkip.OutsideSchedule;
        }
        if (_presence.Get(GatewayKind.Routing, gateway.Name, facts.Time)?.RetryUntil > facts.Time)
        {
            return RouteSkip.RetryLater;
        }
        if (gateway.FeerateRestrict && ranked.CostPerSecond is null)
        {
            return RouteSkip.NoRate;
        }
        if (side.MaxSecondRatesEnable && ranked.CostPerSecond is { } cost && cost > (decimal)side.MaxSecondRates)
        {
            return RouteSkip.RateTooHigh;
        }
        return null;
    }

    /// <summary>
    /// routingGatewayGroups(Allow) of the caller against the gateway's gatewayGroups. Decided: an empty list restricts
    /// nothing (the manual: "空串表示所有"); otherwise a gateway in a listed group is usable only with Allow true, one
    /// in none of them only with Allow false.
    /// </summary>
    private static bool GroupsUsable(string groups, bool allow, string gatewayGroups)
    {
        if (!NumberChecks.HasItems(groups))
        {
            return true;
        }
        bool listed = false;
        foreach (var range in gatewayGroups.AsSpan().Split(','))
        {
            var group = gatewayGroups.AsSpan(range).Trim();
            if (!group.IsEmpty && NumberChecks.ListContains(groups, group))
            {
                listed = true;
                break;
            }
        }
        return listed == allow;
    }

    /// <summary>
    /// The per-second cost of sending the callee to the gateway: the rate of its clearingAccount's fee-rate group
    /// (fee ÷ period), or null when it has none.
    /// </summary>
    private decimal? CostPerSecond(RoutingGateway gateway, string ratingCallee)
    {
        if (gateway.ClearingAccount.Length == 0 || _rating.OwnerOfAccount(gateway.ClearingAccount) is not { } owner
            || _rating.FindRate(owner, ratingCallee) is not { } rate)
        {
            return null;
        }
        return rate.Period > 0 ? rate.Fee / rate.Period : rate.Fee;
    }

    /// <summary>Live ASR in per mille; 1000 while the gateway has fewer than routing.qualityMinAttempts attempts.</summary>
    private int AsrPerMille(long gatewayId)
    {
        var quality = _quality.Read(gatewayId);
        return quality.Attempts < _options.QualityMinAttempts || quality.Attempts <= 0
            ? 1000
            : (int)(Math.Clamp(quality.Answered, 0, quality.Attempts) * 1000 / quality.Attempts);
    }
}
