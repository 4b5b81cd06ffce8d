using System.Reflection;
using System.Text.Json.Serialization.Metadata;

namespace Softswitch.Core.Gateways;

/// <summary>
/// The order of each gateway kind's fields in JSON (GetGatewayMapping §3.13, GetGatewayRouting §3.19, the OpenAPI
/// schemas, the store). System.Text.Json writes a derived record's own properties before its base's, and the fields
/// shared through <see cref="Gateway"/> sit at different places in the two kinds, so without this the answers
/// would change order when the shared fields moved to the base record. <see cref="Modifier"/> puts the properties
/// of gateways, their change records and the API's requests derived from them in the kind's order; properties
/// not listed keep their relative order after the listed ones (a test requires every property to be listed).
/// </summary>
public static class GatewayJsonOrder
{
    /// <summary>InfoGatewayMapping's fields in the order the answers have always had.</summary>
    public static readonly IReadOnlyList<string> Mapping = Split("""
        name password lockType callLevel capacity priority gatewayGroups routingGatewayGroupsAllow
        routingGatewayGroups registerType remoteIps callerE164CheckEnable callerE164CheckCity callerE164CheckMobile
        callerE164CheckOther calleeE164CheckEnable calleeE164CheckCity calleeE164CheckMobile calleeE164CheckOther
        customerPassword rtpForwardType mediaCheckDirection calleeE164Restrict maxCallDurationLower
        maxCallDurationUpper allowPhoneBilling allowBindedE164Billing enablePhoneSetting denySameCityCodesAllow
        denySameCityCodes checkMobileAreaAllow checkMobileArea calloutCalleePrefixesAllow calloutCalleePrefixes
        calloutCallerPrefixesAllow calloutCallerPrefixes rewriteRulesOutCallee rewriteRulesOutCaller
        rewriteRulesInMobileAreaAllow rewriteRulesInMobileArea timeoutCallProceeding sipResponseAddressMethod
        sipRequestAddressMethod dtmfSendMethodH323 dtmfSendMethodSIP dtmfReceiveMethod dtmfSendPayloadTypeH323
        dtmfSendPayloadTypeSIP dtmfReceivePayloadType q931ProgressIndicator account callFailedQ931CauseValue
        callFailedSipCode sipRemoteRingSignal sipCalleeE164Domain sipCallerE164Domain h323CalleeE164Domain
        h323CallerE164Domain memo sipAuthenticationMethod h323FastStart h323H245Tunneling h323H245InSetup
        h323AutoCallProceeding h323CallProceedingFromSIPTrying h323AlertingFromSIP183Sdp h323T38 sipTimer sip100Rel
        sipT38 sipPrivacySupport groupE164Change callerAllowLength calleeAllowLength callerLimitE164GroupsAllow
        callerLimitE164Groups calleeLimitE164GroupsAllow calleeLimitE164Groups minProfitPercentEnable
        minProfitPercent maxSecondRatesEnable maxSecondRates firstRoutePolicy secondRoutePolicy h323G729SendMode
        sipG729SendMode sipG729Annexb sipG723Annexa h323CodecAssign h323Codecs sipCodecAssign sipCodecs
        audioCodecTranscodingEnable rtpIncludeDtmfInband rtpNeedDtmfInband forwardSignalRewriteE164GroupEnable
        forwardSignalRewriteE164Group softswitchName lrnEnable lrnEatPrefixLength lrnFailureAction
        lrnInterstateBillingPrefix lrnUndeterminedBillingPrefix language mediaRecord dynamicBlackListInStandalone
        calculateRouteQuality proportionCalleePrefixs rtpSourceCheck
        """);

    /// <summary>InfoGatewayRouting's fields in the order the answers have always had.</summary>
    public static readonly IReadOnlyList<string> Routing = Split("""
        name prefix prefixStyle password customerPassword gatewayGroups capacity lockType priority registerType
        remoteIp rtpForwardType encrypt protocol signalPort localIp mediaCheckDirection maxCallDurationLower
        maxCallDurationUpper calleeE164Restrict callerE164CheckEnable callerE164CheckCity callerE164CheckMobile
        callerE164CheckOther calleeE164CheckEnable calleeE164CheckCity calleeE164CheckMobile calleeE164CheckOther
        callinCallerPrefixesAllow callinCallerPrefixes callinCalleePrefixesAllow callinCalleePrefixes
        callinForwardPrefixesAllow callinForwardPrefixes rewriteRulesInCaller rewriteRulesInCallee
        rewriteRulesInMobileAreaAllow rewriteRulesInMobileArea timeoutSetup timeoutCallProceeding
        timeoutCallProceedingOlc timeoutAlerting timeoutInvite timeoutTrying timeoutSessionProgressSdp
        timeoutSessionProgress timeoutRinging denyCallerCalleeAllow denyCallerCallee denySameCityCodesAllow
        denySameCityCodes checkMobileAreaAllow checkMobileArea switchAllowRing switchAllowSdp switchAllowRtp
        switchAllowBusy switchAllowErrorCode sipResponseAddressMethod sipRequestAddressMethod dtmfSendMethodH323
        dtmfSendMethodSIP dtmfReceiveMethod dtmfSendPayloadTypeH323 dtmfSendPayloadTypeSIP dtmfReceivePayloadType
        q931NumberingPlan q931NumberType q931PresentationIndicator q931ScreeningIndicator clearingAccount
        h323FastStart h323H245Tunneling h323H245InSetup h323T38 sipTimer sip100Rel sipT38 sipDisplay
        sipRemotePartyId sipPrivacy sipPPreferredIdentity sipPAssertedIdentity groupE164Change callerAllowLength
        calleeAllowLength callerLimitE164GroupsAllow callerLimitE164Groups calleeLimitE164GroupsAllow
        calleeLimitE164Groups h323G729SendMode sipG729SendMode sipG729Annexb sipG723Annexa h323CodecAssign
        h323Codecs sipCodecAssign sipCodecs audioCodecTranscodingEnable rtpIncludeDtmfInband rtpNeedDtmfInband
        feerateRestrict leastCostRouting minProfitPercentEnable minProfitPercent maxSecondRatesEnable maxSecondRates
        enablePhoneDisplay clearingAccountUseCalloutE164 softswitchName forwardSignalRewriteE164GroupEnable
        forwardSignalRewriteE164Group memo dynamicBlackListInStandalone mediaRecord externalNumberVerifyBits
        externalNumberVerifyRewriteCaller externalNumberVerifyRewriteCallee scheduledCallinPrefixes
        rewriteRulesInCallerUseE164GroupEnable rewriteRulesInCallerUseE164Group rewriteRulesInCallerUseE164Line
        signalPortLocal calculateRouteQuality rtpSourceCheck
        """);

    private static readonly Dictionary<string, int> MappingRank = Ranks(Mapping);
    private static readonly Dictionary<string, int> RoutingRank = Ranks(Routing);

    /// <summary>A <see cref="DefaultJsonTypeInfoResolver"/> modifier; other types pass unchanged.</summary>
    public static void Modifier(JsonTypeInfo info)
    {
        var rank = RankOf(info.Type);
        if (rank is null || info.Kind != JsonTypeInfoKind.Object)
        {
            return;
        }
        var ordered = info.Properties
            .Select((property, index) => (property, index))
            .OrderBy(p => rank.TryGetValue(MemberName(p.property), out int r) ? r : int.MaxValue)
            .ThenBy(p => p.index)
            .Select(p => p.property)
            .ToArray();
        info.Properties.Clear();
        foreach (var property in ordered)
        {
            info.Properties.Add(property);
        }
    }

    /// <summary>The order that applies to <paramref name="type"/>: its gateway kind's, or null for other types.</summary>
    private static Dictionary<string, int>? RankOf(Type type) =>
        typeof(MappingGateway).IsAssignableFrom(type) || typeof(MappingGatewayChanges).IsAssignableFrom(type) ? MappingRank
        : typeof(RoutingGateway).IsAssignableFrom(type) || typeof(RoutingGatewayChanges).IsAssignableFrom(type) ? RoutingRank
        : null;

    private static string MemberName(JsonPropertyInfo property) =>
        (property.AttributeProvider as MemberInfo)?.Name ?? property.Name;

    private static string[] Split(string names) =>
        names.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);

    private static Dictionary<string, int> Ranks(IReadOnlyList<string> names) =>
        names.Select((name, index) => (name, index)).ToDictionary(x => x.name, x => x.index, StringComparer.OrdinalIgnoreCase);
}
