using Softswitch.Core.Management;
using Softswitch.Core.Numbers;

namespace Softswitch.Core.Gateways;

/// <summary>
/// Validation of the fields of mapping gateways only against 001_… §3.11/§3.12 (enumerations, lengths, formats,
/// references), after the shared ones (<see cref="GatewayRules"/>).
/// </summary>
internal static class MappingGatewayRules
{
    public static ServiceResult? CheckChanges(MappingGatewayChanges c) =>
        GatewayRules.CheckChanges(c) ?? Lengths(c) ?? Enumerations(c) ?? Formats(c);

    /// <summary>Rules that span fields or other objects, judged on the gateway as it would be stored.</summary>
    public static ServiceResult? CheckMerged(MappingGateway g, DirectoryState directory, NumberState numbers, GatewayState gateways)
    {
        if (g.Account.Length > 0 && directory.FindCustomer(g.Account) is null)
        {
            return ServiceResult.Fail(ServiceError.NotFound, "account", $"Account '{g.Account}' does not exist (account).");
        }
        return GatewayRules.CheckMerged(g, numbers) ?? AddressClash(g, gateways);
    }

    /// <summary>
    /// Static inbound trunks are told apart by source address (<see cref="GatewayState.FindMappingBySource"/>), so two
    /// mapping gateways may not claim the same remoteIps entry; the manual is silent, an ambiguous trunk is worse.
    /// </summary>
    private static ServiceResult? AddressClash(MappingGateway g, GatewayState gateways)
    {
        var mine = GatewayLists.Split(g.RemoteIps).ToHashSet(StringComparer.OrdinalIgnoreCase);
        foreach (var other in gateways.MappingGateways)
        {
            if (other.Name != g.Name && GatewayLists.Split(other.RemoteIps).FirstOrDefault(mine.Contains) is { } shared)
            {
                return ServiceResult.Fail(ServiceError.Duplicate, "remoteIps",
                    $"Address '{shared}' already belongs to mapping gateway '{other.Name}' (remoteIps).");
            }
        }
        return null;
    }

    private static ServiceResult? Lengths(MappingGatewayChanges c) =>
        GatewayFieldRules.Long(c.GatewayGroups, "gatewayGroups")
        ?? GatewayFieldRules.Long(c.RoutingGatewayGroups, "routingGatewayGroups")
        ?? FieldRules.DialPlan(c.RewriteRulesOutCallee, "rewriteRulesOutCallee")
        ?? FieldRules.DialPlan(c.RewriteRulesOutCaller, "rewriteRulesOutCaller")
        ?? FieldRules.Length(c.Account, "account")
        ?? FieldRules.Length(c.LrnInterstateBillingPrefix, "lrnInterstateBillingPrefix")
        ?? FieldRules.Length(c.LrnUndeterminedBillingPrefix, "lrnUndeterminedBillingPrefix")
        ?? FieldRules.Length(c.Language, "language");

    private static ServiceResult? Enumerations(MappingGatewayChanges c) =>
        FieldRules.OneOf(c.CallLevel, "callLevel", 1, 2, 4, 5)
        ?? FieldRules.OneOf(c.RegisterType, "registerType", 0, 1, 3)
        ?? FieldRules.Range(c.TimeoutCallProceeding, "timeoutCallProceeding", -1, int.MaxValue)
        ?? FieldRules.OneOf(c.Q931ProgressIndicator, "q931ProgressIndicator", -1, 0, 1, 2, 3, 4, 5, 8)
        ?? FieldRules.Range(c.SipRemoteRingSignal, "sipRemoteRingSignal", 0, 2)
        ?? FieldRules.Range(c.SipCalleeE164Domain, "sipCalleeE164Domain", 0, 2)
        ?? FieldRules.Range(c.SipCallerE164Domain, "sipCallerE164Domain", 0, 4)
        ?? FieldRules.Range(c.H323CalleeE164Domain, "h323CalleeE164Domain", 0, 1)
        ?? FieldRules.Range(c.H323CallerE164Domain, "h323CallerE164Domain", 0, 2)
        ?? FieldRules.Range(c.SipAuthenticationMethod, "sipAuthenticationMethod", 0, 1)
        ?? FieldRules.Range(c.FirstRoutePolicy, "firstRoutePolicy", 0, 2)
        ?? FieldRules.Range(c.SecondRoutePolicy, "secondRoutePolicy", 0, 2)
        ?? FieldRules.Range(c.LrnEatPrefixLength, "lrnEatPrefixLength", 0, 64)
        ?? FieldRules.Range(c.LrnFailureAction, "lrnFailureAction", 0, 1);

    private static ServiceResult? Formats(MappingGatewayChanges c) =>
        GatewayFieldRules.Addresses(c.RemoteIps, "remoteIps")
        ?? GatewayFieldRules.Prefixes(c.CalloutCalleePrefixes, "calloutCalleePrefixes")
        ?? GatewayFieldRules.Prefixes(c.CalloutCallerPrefixes, "calloutCallerPrefixes")
        ?? GatewayFieldRules.Pairs(c.CallFailedQ931CauseValue, "callFailedQ931CauseValue", digitsOnly: true)
        ?? GatewayFieldRules.Pairs(c.CallFailedSipCode, "callFailedSipCode", digitsOnly: true)
        ?? GatewayFieldRules.ProportionPrefixes(c.ProportionCalleePrefixs);
}
