using Softswitch.Core.Calls;
using Softswitch.Core.Gateways;
using Softswitch.Core.Numbers;

namespace Softswitch.Core.Routing;

/// <summary>
/// The number checks mapping and routing gateways share (001_… §3.11, §3.16), in the decided order of
/// docs/routing.md: calleeE164Restrict, number types, prefix lists, length masks, number groups, same city, mobile
/// area. A mapping gateway's failure refuses the call; a routing gateway's skips that gateway.
/// </summary>
internal readonly record struct GatewayNumberRules(
    int CalleeE164Restrict,
    bool CallerTypeCheck, bool CallerCity, bool CallerMobile, bool CallerOther,
    bool CalleeTypeCheck, bool CalleeCity, bool CalleeMobile, bool CalleeOther,
    string CallerPrefixes, bool CallerPrefixesAllow, string CalleePrefixes, bool CalleePrefixesAllow,
    int CallerAllowLength, int CalleeAllowLength,
    string CallerGroups, bool CallerGroupsAllow, string CalleeGroups, bool CalleeGroupsAllow,
    string SameCityCodes, bool SameCityAllow, string MobileAreas, bool MobileAreaAllow)
{
    public static GatewayNumberRules Of(MappingGateway g) => new(g.CalleeE164Restrict,
        g.CallerE164CheckEnable, g.CallerE164CheckCity, g.CallerE164CheckMobile, g.CallerE164CheckOther,
        g.CalleeE164CheckEnable, g.CalleeE164CheckCity, g.CalleeE164CheckMobile, g.CalleeE164CheckOther,
        g.CalloutCallerPrefixes, g.CalloutCallerPrefixesAllow, g.CalloutCalleePrefixes, g.CalloutCalleePrefixesAllow,
        g.CallerAllowLength, g.CalleeAllowLength,
        g.CallerLimitE164Groups, g.CallerLimitE164GroupsAllow, g.CalleeLimitE164Groups, g.CalleeLimitE164GroupsAllow,
        g.DenySameCityCodes, g.DenySameCityCodesAllow, g.CheckMobileArea, g.CheckMobileAreaAllow);

    public static GatewayNumberRules Of(RoutingGateway g) => new(g.CalleeE164Restrict,
        g.CallerE164CheckEnable, g.CallerE164CheckCity, g.CallerE164CheckMobile, g.CallerE164CheckOther,
        g.CalleeE164CheckEnable, g.CalleeE164CheckCity, g.CalleeE164CheckMobile, g.CalleeE164CheckOther,
        g.CallinCallerPrefixes, g.CallinCallerPrefixesAllow, g.CallinCalleePrefixes, g.CallinCalleePrefixesAllow,
        g.CallerAllowLength, g.CalleeAllowLength,
        g.CallerLimitE164Groups, g.CallerLimitE164GroupsAllow, g.CalleeLimitE164Groups, g.CalleeLimitE164GroupsAllow,
        g.DenySameCityCodes, g.DenySameCityCodesAllow, g.CheckMobileArea, g.CheckMobileAreaAllow);

    /// <summary>The first rule the numbers break, as an end reason and a sentence, or null when every rule passes.</summary>
    public (EndReason Reason, string Detail)? Check(string caller, string callee, bool calleeIsPhone, NumberState numbers)
    {
        if (CalleeE164Restrict == 1 && !calleeIsPhone)
        {
            return (EndReason.CalleeMustBePhone, $"calleeE164Restrict 1: callee '{callee}' is not a phone of the switch");
        }
        if (CalleeE164Restrict == 2 && calleeIsPhone)
        {
            return (EndReason.CalleeMustNotBePhone, $"calleeE164Restrict 2: callee '{callee}' is a phone of the switch");
        }
        // Classifying reads the mobile-area table: only when a rule needs the kinds or the areas.
        var (callerKind, calleeKind) = (NumberKind.Other, NumberKind.Other);
        string? callerArea = null, calleeArea = null;
        if (CallerTypeCheck || CalleeTypeCheck || NumberChecks.HasItems(SameCityCodes) || NumberChecks.HasItems(MobileAreas))
        {
            callerKind = NumberChecks.Classify(caller, numbers, out callerArea);
            calleeKind = NumberChecks.Classify(callee, numbers, out calleeArea);
        }
        if (CallerTypeCheck && !NumberChecks.KindAllowed(callerKind, CallerCity, CallerMobile, CallerOther))
        {
            return (EndReason.CallerTypeDenied, $"callerE164Check: caller '{caller}' is a {callerKind} number");
        }
        if (CalleeTypeCheck && !NumberChecks.KindAllowed(calleeKind, CalleeCity, CalleeMobile, CalleeOther))
        {
            return (EndReason.CalleeTypeDenied, $"calleeE164Check: callee '{callee}' is a {calleeKind} number");
        }
        if (!NumberChecks.PrefixListAllows(CallerPrefixes, CallerPrefixesAllow, caller))
        {
            return (EndReason.CallerPrefixDenied, $"caller prefixes '{CallerPrefixes}' (allow {CallerPrefixesAllow}) refuse '{caller}'");
        }
        if (!NumberChecks.PrefixListAllows(CalleePrefixes, CalleePrefixesAllow, callee))
        {
            return (EndReason.CalleePrefixDenied, $"callee prefixes '{CalleePrefixes}' (allow {CalleePrefixesAllow}) refuse '{callee}'");
        }
        if (!NumberChecks.LengthAllowed(CallerAllowLength, caller.Length))
        {
            return (EndReason.CallerLengthDenied, $"callerAllowLength {CallerAllowLength} refuses length {caller.Length}");
        }
        if (!NumberChecks.LengthAllowed(CalleeAllowLength, callee.Length))
        {
            return (EndReason.CalleeLengthDenied, $"calleeAllowLength {CalleeAllowLength} refuses length {callee.Length}");
        }
        if (!NumberChecks.GroupsAllow(CallerGroups, CallerGroupsAllow, caller, numbers))
        {
            return (EndReason.CallerGroupDenied, $"callerLimitE164Groups '{CallerGroups}' (allow {CallerGroupsAllow}) refuse '{caller}'");
        }
        if (!NumberChecks.GroupsAllow(CalleeGroups, CalleeGroupsAllow, callee, numbers))
        {
            return (EndReason.CalleeGroupDenied, $"calleeLimitE164Groups '{CalleeGroups}' (allow {CalleeGroupsAllow}) refuse '{callee}'");
        }
        if (!NumberChecks.SameCityAllowed(callerArea, calleeArea, SameCityCodes, SameCityAllow))
        {
            return (EndReason.SameCityDenied, $"denySameCityCodes '{SameCityCodes}' (allow {SameCityAllow}): both in area {callerArea}");
        }
        if (!NumberChecks.MobileAreaAllowed(calleeKind, calleeArea, MobileAreas, MobileAreaAllow))
        {
            return (EndReason.MobileAreaDenied, $"checkMobileArea '{MobileAreas}' (allow {MobileAreaAllow}) refuses a mobile of area {calleeArea}");
        }
        return null;
    }
}
