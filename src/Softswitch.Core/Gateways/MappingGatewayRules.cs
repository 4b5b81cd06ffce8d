using Softswitch.Core.Management;
using Softswitch.Core.Numbers;

namespace Softswitch.Core.Gateways;

/// <summary>Validation of mapping-gateway fields against 001_… §3.11/§3.12 (enumerations, lengths, formats, references).</summary>
internal static class MappingGatewayRules
{
    public static ServiceResult? CheckChanges(MappingGatewayChanges c) => Lengths(c) ?? Enumerations(c) ?? Formats(c);

    /// <summary>Rules that span fields or other objects, judged on the gateway as it would be stored.</summary>
    public static ServiceResult? CheckMerged(MappingGateway g, DirectoryState directory, NumberState numbers, GatewayState gateways)
    {
        if (g.Account.Length > 0 && directory.FindCustomer(g.Account) is null)
        {
            return ServiceResult.Fail(ServiceError.NotFound, "account", $"Account '{g.Account}' does not exist (account).");
        }
        return GatewayFieldRules.CallDuration(g.MaxCallDurationLower, g.MaxCallDurationUpper)
            ?? GatewayFieldRules.Groups(numbers, g.CallerLimitE164Groups, "callerLimitE164Groups")
            ?? GatewayFieldRules.Groups(numbers, g.CalleeLimitE164Groups, "calleeLimitE164Groups")
            ?? AddressClash(g, gateways);
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
        FieldRules.Length(c.Password, "password")
        ?? GatewayFieldRules.Long(c.GatewayGroups, "gatewayGroups")
        ?? GatewayFieldRules.Long(c.RoutingGatewayGroups, "routingGatewayGroups")
        ?? FieldRules.Length(c.CustomerPassword, "customerPassword")
        ?? GatewayFieldRules.Long(c.DenySameCityCodes, "denySameCityCodes")
        ?? GatewayFieldRules.Long(c.CheckMobileArea, "checkMobileArea")
        ?? FieldRules.DialPlan(c.RewriteRulesOutCallee, "rewriteRulesOutCallee")
        ?? FieldRules.DialPlan(c.RewriteRulesOutCaller, "rewriteRulesOutCaller")
        ?? GatewayFieldRules.Long(c.RewriteRulesInMobileArea, "rewriteRulesInMobileArea")
        ?? FieldRules.Length(c.Account, "account")
        ?? FieldRules.Length(c.Memo, "memo")
        ?? FieldRules.Length(c.CallerLimitE164Groups, "callerLimitE164Groups")
        ?? FieldRules.Length(c.CalleeLimitE164Groups, "calleeLimitE164Groups")
        ?? FieldRules.Length(c.ForwardSignalRewriteE164Group, "forwardSignalRewriteE164Group")
        ?? FieldRules.Length(c.SoftswitchName, "softswitchName")
        ?? FieldRules.Length(c.LrnInterstateBillingPrefix, "lrnInterstateBillingPrefix")
        ?? FieldRules.Length(c.LrnUndeterminedBillingPrefix, "lrnUndeterminedBillingPrefix")
        ?? FieldRules.Length(c.Language, "language");

    private static ServiceResult? Enumerations(MappingGatewayChanges c) =>
        FieldRules.Range(c.LockType, "lockType", 0, 3)
        ?? FieldRules.OneOf(c.CallLevel, "callLevel", 1, 2, 4, 5)
        ?? FieldRules.Range(c.Capacity, "capacity", 0, int.MaxValue)
        ?? FieldRules.Range(c.Priority, "priority", 0, int.MaxValue)
        ?? FieldRules.OneOf(c.RegisterType, "registerType", 0, 1, 3)
        ?? FieldRules.Range(c.RtpForwardType, "rtpForwardType", 0, 3)
        ?? FieldRules.Range(c.MediaCheckDirection, "mediaCheckDirection", 0, 3)
        ?? FieldRules.Range(c.CalleeE164Restrict, "calleeE164Restrict", 0, 2)
        ?? FieldRules.Range(c.TimeoutCallProceeding, "timeoutCallProceeding", -1, int.MaxValue)
        ?? FieldRules.Range(c.SipResponseAddressMethod, "sipResponseAddressMethod", 0, 2)
        ?? FieldRules.Range(c.SipRequestAddressMethod, "sipRequestAddressMethod", 0, 2)
        ?? GatewayFieldRules.Dtmf(c.DtmfSendMethodH323, c.DtmfSendMethodSIP, c.DtmfReceiveMethod,
            c.DtmfSendPayloadTypeH323, c.DtmfSendPayloadTypeSIP, c.DtmfReceivePayloadType)
        ?? FieldRules.OneOf(c.Q931ProgressIndicator, "q931ProgressIndicator", -1, 0, 1, 2, 3, 4, 5, 8)
        ?? FieldRules.Range(c.SipRemoteRingSignal, "sipRemoteRingSignal", 0, 2)
        ?? FieldRules.Range(c.SipCalleeE164Domain, "sipCalleeE164Domain", 0, 2)
        ?? FieldRules.Range(c.SipCallerE164Domain, "sipCallerE164Domain", 0, 4)
        ?? FieldRules.Range(c.H323CalleeE164Domain, "h323CalleeE164Domain", 0, 1)
        ?? FieldRules.Range(c.H323CallerE164Domain, "h323CallerE164Domain", 0, 2)
        ?? FieldRules.Range(c.SipAuthenticationMethod, "sipAuthenticationMethod", 0, 1)
        ?? FieldRules.Range(c.MinProfitPercent, "minProfitPercent", -10000, 10000)
        ?? FieldRules.NonNegative(c.MaxSecondRates, "maxSecondRates")
        ?? FieldRules.Range(c.FirstRoutePolicy, "firstRoutePolicy", 0, 2)
        ?? FieldRules.Range(c.SecondRoutePolicy, "secondRoutePolicy", 0, 2)
        ?? GatewayFieldRules.Codecs(c.H323G729SendMode, c.SipG729SendMode, c.SipG729Annexb, c.SipG723Annexa,
            c.H323Codecs, c.SipCodecs)
        ?? FieldRules.Range(c.LrnEatPrefixLength, "lrnEatPrefixLength", 0, 64)
        ?? FieldRules.Range(c.LrnFailureAction, "lrnFailureAction", 0, 1)
        ?? FieldRules.Range(c.CalculateRouteQuality, "calculateRouteQuality", 0, 2);

    private static ServiceResult? Formats(MappingGatewayChanges c) =>
        GatewayFieldRules.Addresses(c.RemoteIps, "remoteIps")
        ?? GatewayFieldRules.Prefixes(c.CalloutCalleePrefixes, "calloutCalleePrefixes")
        ?? GatewayFieldRules.Prefixes(c.CalloutCallerPrefixes, "calloutCallerPrefixes")
        ?? GatewayFieldRules.Pairs(c.CallFailedQ931CauseValue, "callFailedQ931CauseValue", digitsOnly: true)
        ?? GatewayFieldRules.Pairs(c.CallFailedSipCode, "callFailedSipCode", digitsOnly: true)
        ?? GatewayFieldRules.ProportionPrefixes(c.ProportionCalleePrefixs);
}
