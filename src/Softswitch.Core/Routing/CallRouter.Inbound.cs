using Softswitch.Core.Accounts;
using Softswitch.Core.Billing;
using Softswitch.Core.Calls;
using Softswitch.Core.Gateways;

namespace Softswitch.Core.Routing;

public sealed partial class CallRouter
{
    /// <summary>
    /// A call from a phone (authenticated, static-address, or a mapping gateway's caller with enablePhoneSetting),
    /// docs/routing.md "Phones": lock, line limits, short number, rewriteRulesOutCallee, mobile-area prefix,
    /// calleeLimitE164Groups; the call level is checked once the callee is known not to be a phone.
    /// </summary>
    private (CallerSide? Side, RouteDecision? Refusal) PhoneSide(CallFacts facts, string e164, MappingGateway? via, BillingOwner? viaPayer)
    {
        if (_directory.FindCredentials(e164) is not { } credentials || _directory.FindPhone(e164) is not { } phone)
        {
            return (null, RouteDecision.Refuse(EndReason.CallerForbidden, $"caller phone {e164} does not exist"));
        }
        if (!credentials.MayCallOut)
        {
            return (null, RouteDecision.Refuse(EndReason.CallerForbidden, $"caller phone {e164} or its account is locked for out-calls"));
        }
        if (credentials.LineCallOut > 0 || credentials.LineCapacity > 0)
        {
            var (calls, received) = _liveCalls.PhoneCalls(e164);
            if ((credentials.LineCallOut > 0 && calls >= credentials.LineCallOut)
                || (credentials.LineCapacity > 0 && calls + received >= credentials.LineCapacity))
            {
                return (null, RouteDecision.Refuse(EndReason.CallerLineLimit, $"caller phone {e164} has {calls} calls out, {received} in"));
            }
        }
        if (PhoneRules(phone) is not [{ } outCallee, _, _])
        {
            return (null, RouteDecision.Refuse(EndReason.InvalidStoredRules, $"caller phone {e164}: stored rewriteRulesOutCallee does not compile"));
        }
        // §3.53: a short number of the account's phone book stands for its e164; the phone's rules then apply to it.
        string callee = _numbers.ResolveShortE164(phone.Account, facts.CalleeNumber) ?? facts.CalleeNumber;
        callee = outCallee.Rewrite(callee, _random);
        callee = NumberChecks.AddMobileArea(callee, phone.Additional.RewriteCalleeMobileArea ?? "",
            phone.Additional.RewriteCalleeMobileAreaEnable ?? false, _numbers);
        if (!NumberChecks.GroupsAllow(phone.CalleeLimitE164Groups, phone.CalleeLimitE164Allow, callee, _numbers))
        {
            return (null, RouteDecision.Refuse(EndReason.CalleeGroupDenied,
                $"caller phone {e164}: calleeLimitE164Groups '{phone.CalleeLimitE164Groups}' (allow {phone.CalleeLimitE164Allow}) refuse '{callee}'"));
        }
        var payer = viaPayer ?? _rating.OwnerOfPhone(e164);
        if (callee.Length > 0 && _directory.FindByNumber(callee) is null && CallLevelRefusal(phone.CallLevel, payer, callee) is { } levelRefusal)
        {
            return (null, levelRefusal);
        }
        int limit = phone.Additional.CallDurationLimit ?? -1;
        var side = new CallerSide
        {
            Gateway = via,
            Phone = phone,
            Payer = payer,
            Caller = e164,
            Callee = callee,
            FirstPolicy = phone.Additional.FirstRoutingPolicy ?? 0,
            SecondPolicy = phone.Additional.SecondRoutingPolicy ?? 0,
            RouteGroups = phone.RoutingGatewayGroups,
            RouteGroupsAllow = phone.RoutingGatewayGroupsAllow,
            MaxSecondRatesEnable = phone.Additional.MaxSecondRatesEnable ?? false,
            MaxSecondRates = phone.Additional.MaxSecondRates ?? 0,
            MaxDuration = Tighter(via is null ? null : GatewayCap(via.MaxCallDurationLower, via.MaxCallDurationUpper),
                limit < 0 ? SystemCap() : limit == 0 ? null : TimeSpan.FromSeconds(limit)),
        };
        return (side, null);
    }

    /// <summary>
    /// A call from a mapping gateway, docs/routing.md "Mapping gateways": lockType, capacity, payer, then the number
    /// checks (<see cref="GatewayNumberRules"/>), callLevel, then the number handling: rewriteRulesOut*,
    /// groupE164Change, rewriteRulesInMobileArea, proportionCalleePrefixs.
    /// </summary>
    private (CallerSide? Side, RouteDecision? Refusal) TrunkSide(CallFacts facts)
    {
        var wanted = facts.Caller.Kind == CallerKind.StaticGateway ? GatewayRegisterType.Static : GatewayRegisterType.Dynamic;
        if (_gateways.FindMapping(facts.Caller.Name) is not { } gateway || gateway.RegisterType != wanted)
        {
            return (null, RouteDecision.Refuse(EndReason.UnknownSource,
                $"no {wanted} mapping gateway named '{Shown(facts.Caller.Name)}' (source {facts.SourceIp}:{facts.SourcePort})"));
        }
        if (gateway.LockType is GatewayLockType.CallOut or GatewayLockType.All)
        {
            return (null, RouteDecision.Refuse(EndReason.CallerGatewayLocked, $"mapping gateway {gateway.Name} has lockType {gateway.LockType}"));
        }
        if (gateway.Capacity > 0 && _liveCalls.MappingGatewayCalls(gateway.Name) is var current && current >= gateway.Capacity)
        {
            return (null, RouteDecision.Refuse(EndReason.CallerGatewayFull, $"mapping gateway {gateway.Name} carries {current} of {gateway.Capacity} calls"));
        }
        string caller = facts.CallerNumber.Equals("anonymous", StringComparison.OrdinalIgnoreCase) ? "" : facts.CallerNumber;
        if (NumberChecks.Malformed(caller, allowEmpty: true) is { } callerFault)
        {
            return (null, RouteDecision.Refuse(EndReason.MalformedCaller, $"caller '{Shown(caller)}' {callerFault}"));
        }
        var payer = PayerOf(gateway, caller);
        if (payer?.Account.LockType == CustomerLockType.Locked)
        {
            return (null, RouteDecision.Refuse(EndReason.CallerForbidden, $"account {payer.Account.Account} of mapping gateway {gateway.Name} is locked"));
        }
        if (gateway.EnablePhoneSetting && caller.Length > 0 && _directory.FindPhone(caller) is not null)
        {
            // §3.11 enablePhoneSetting: the caller is a phone of the switch, so the phone's own settings decide.
            return PhoneSide(facts, caller, gateway, payer);
        }
        string callee = facts.CalleeNumber;
        bool calleeIsPhone = _directory.FindByNumber(callee) is not null;
        if (GatewayNumberRules.Of(gateway).Check(caller, callee, calleeIsPhone, _numbers) is var (reason, detail))
        {
            return (null, RouteDecision.Refuse(reason, $"mapping gateway {gateway.Name}: {detail}"));
        }
        if (!calleeIsPhone && CallLevelRefusal(gateway.CallLevel, payer, callee) is { } levelRefusal)
        {
            return (null, levelRefusal);
        }
        if (MappingRules(gateway) is not [{ } calleeRules, { } callerRules])
        {
            return (null, RouteDecision.Refuse(EndReason.InvalidStoredRules, $"mapping gateway {gateway.Name}: stored rewriteRulesOut* do not compile"));
        }
        callee = calleeRules.Rewrite(callee, _random);
        caller = callerRules.Rewrite(caller, _random);
        if (gateway.GroupE164Change && caller.Length > 0 && _numbers.ConvertForMappingCaller(caller) is { } convert)
        {
            caller = convert.E164;
        }
        callee = NumberChecks.AddMobileArea(callee, gateway.RewriteRulesInMobileArea, gateway.RewriteRulesInMobileAreaAllow, _numbers);
        callee = AddProportionPrefix(gateway, callee);
        return (new CallerSide
        {
            Gateway = gateway,
            Payer = payer,
            Caller = caller,
            Callee = callee,
            FirstPolicy = gateway.FirstRoutePolicy,
            SecondPolicy = gateway.SecondRoutePolicy,
            RouteGroups = gateway.RoutingGatewayGroups,
            RouteGroupsAllow = gateway.RoutingGatewayGroupsAllow,
            MaxSecondRatesEnable = gateway.MaxSecondRatesEnable,
            MaxSecondRates = gateway.MaxSecondRates,
            MaxDuration = GatewayCap(gateway.MaxCallDurationLower, gateway.MaxCallDurationUpper),
        }, null);
    }

    /// <summary>
    /// Who pays for a trunk call (§3.11): the bound number's card account (allowBindedE164Billing), else the phone's
    /// account (allowPhoneBilling), else the gateway's own account.
    /// </summary>
    private BillingOwner? PayerOf(MappingGateway gateway, string caller)
    {
        BillingOwner? payer = null;
        if (gateway.AllowBindedE164Billing && caller.Length > 0)
        {
            payer = _rating.OwnerOfBindedE164(caller);
        }
        if (payer is null && gateway.AllowPhoneBilling && caller.Length > 0)
        {
            payer = _rating.OwnerOfPhone(caller);
        }
        return payer ?? (gateway.Account.Length > 0 ? _rating.OwnerOfAccount(gateway.Account) : null);
    }

    /// <summary>
    /// callLevel against the rate type of the callee in the payer's group (vos-routing §4). Decided: no payer or no
    /// rate leaves the check to billing, which refuses unrated calls itself.
    /// </summary>
    private RouteDecision? CallLevelRefusal(int callLevel, BillingOwner? payer, string callee)
    {
        if (payer is null || _rating.FindRate(payer, NumberChecks.StripTags(callee)) is not { } rate
            || NumberChecks.CallLevelAllows(callLevel, rate.Type))
        {
            return null;
        }
        return RouteDecision.Refuse(EndReason.CallLevelDenied,
            $"callee '{callee}' rates as {rate.Type} ({(int)rate.Type}, prefix {rate.FeePrefix}) above callLevel {callLevel}");
    }

    /// <summary>
    /// proportionCalleePrefixs (§3.11): each entry's addPrefix goes in front of the callee on proportion % of the
    /// calls; decided: when the proportions add up to less than 100 the rest of the calls get no prefix, above 100
    /// they are relative weights.
    /// </summary>
    private string AddProportionPrefix(MappingGateway gateway, string callee)
    {
        var entries = gateway.ProportionCalleePrefixs;
        if (entries.Count == 0)
        {
            return callee;
        }
        long total = 0;
        foreach (var entry in entries)
        {
            total += Math.Max(0, entry.Proportion ?? 0);
        }
        long pick = _random.NextInt64(Math.Max(100, total));
        foreach (var entry in entries)
        {
            pick -= Math.Max(0, entry.Proportion ?? 0);
            if (pick < 0)
            {
                return string.Concat(entry.AddPrefix ?? "", callee);
            }
        }
        return callee;
    }
}
