namespace Softswitch.Tests.Api.Gateways;

/// <summary>
/// The field names of InfoGatewayMapping (001_… §3.13) and InfoGatewayRouting (§3.19), copied from the manual's
/// tables, so a renamed or forgotten property fails a test rather than a client.
/// </summary>
internal static class ManualFields
{
    public static readonly string[] InfoGatewayMapping =
    [
        "name", "lockType", "callLevel", "capacity", "priority", "gatewayGroups", "routingGatewayGroupsAllow",
        "routingGatewayGroups", "registerType", "remoteIps", "callerE164CheckEnable", "callerE164CheckCity",
        "callerE164CheckMobile", "callerE164CheckOther", "calleeE164CheckEnable", "calleeE164CheckCity",
        "calleeE164CheckMobile", "calleeE164CheckOther", "rtpForwardType", "mediaCheckDirection",
        "calleeE164Restrict", "maxCallDurationLower", "maxCallDurationUpper", "allowPhoneBilling",
        "allowBindedE164Billing", "enablePhoneSetting", "denySameCityCodesAllow", "denySameCityCodes",
        "checkMobileAreaAllow", "checkMobileArea", "calloutCalleePrefixesAllow", "calloutCalleePrefixes",
        "calloutCallerPrefixesAllow", "calloutCallerPrefixes", "rewriteRulesOutCallee", "rewriteRulesOutCaller",
        "rewriteRulesInMobileAreaAllow", "rewriteRulesInMobileArea", "timeoutCallProceeding",
        "sipResponseAddressMethod", "sipRequestAddressMethod", "dtmfSendMethodH323", "dtmfSendMethodSIP",
        "dtmfReceiveMethod", "dtmfSendPayloadTypeH323", "dtmfSendPayloadTypeSIP", "dtmfReceivePayloadType",
        "q931ProgressIndicator", "account", "accountName", "password", "customerPassword",
        "callFailedQ931CauseValue", "callFailedSipCode", "sipRemoteRingSignal", "sipCalleeE164Domain",
        "sipCallerE164Domain", "h323CalleeE164Domain", "h323CallerE164Domain", "memo", "sipAuthenticationMethod",
        "h323FastStart", "h323H245Tunneling", "h323H245InSetup", "h323AutoCallProceeding",
        "h323CallProceedingFromSIPTrying", "h323AlertingFromSIP183Sdp", "h323T38", "sipTimer", "sip100Rel", "sipT38",
        "sipPrivacySupport", "groupE164Change", "callerAllowLength", "calleeAllowLength",
        "callerLimitE164GroupsAllow", "callerLimitE164Groups", "calleeLimitE164GroupsAllow", "calleeLimitE164Groups",
        "minProfitPercentEnable", "minProfitPercent", "maxSecondRatesEnable", "maxSecondRates", "firstRoutePolicy",
        "secondRoutePolicy", "h323G729SendMode", "sipG729SendMode", "sipG729Annexb", "sipG723Annexa",
        "h323CodecAssign", "h323Codecs", "sipCodecAssign", "sipCodecs", "audioCodecTranscodingEnable",
        "rtpIncludeDtmfInband", "rtpNeedDtmfInband", "softswitchName", "forwardSignalRewriteE164GroupEnable",
        "forwardSignalRewriteE164Group", "lrnEnable", "lrnEatPrefixLength", "lrnFailureAction",
        "lrnInterstateBillingPrefix", "lrnUndeterminedBillingPrefix", "language", "mediaRecord",
        "dynamicBlackListInStandalone", "calculateRouteQuality", "proportionCalleePrefixs",
    ];

    public static readonly string[] InfoGatewayRouting =
    [
        "name", "prefix", "prefixStyle", "password", "customerPassword", "gatewayGroups", "capacity", "lockType",
        "priority", "registerType", "remoteIp", "rtpForwardType", "encrypt", "protocol", "signalPort", "localIp",
        "mediaCheckDirection", "maxCallDurationLower", "maxCallDurationUpper", "calleeE164Restrict",
        "callerE164CheckEnable", "callerE164CheckCity", "callerE164CheckMobile", "callerE164CheckOther",
        "calleeE164CheckEnable", "calleeE164CheckCity", "calleeE164CheckMobile", "calleeE164CheckOther",
        "callinCallerPrefixesAllow", "callinCallerPrefixes", "callinCalleePrefixesAllow", "callinCalleePrefixes",
        "callinForwardPrefixesAllow", "callinForwardPrefixes", "rewriteRulesInCaller", "rewriteRulesInCallee",
        "rewriteRulesInMobileAreaAllow", "rewriteRulesInMobileArea", "timeoutSetup", "timeoutCallProceeding",
        "timeoutCallProceedingOlc", "timeoutAlerting", "timeoutInvite", "timeoutTrying", "timeoutSessionProgressSdp",
        "timeoutSessionProgress", "timeoutRinging", "denyCallerCalleeAllow", "denyCallerCallee",
        "denySameCityCodesAllow", "denySameCityCodes", "checkMobileAreaAllow", "checkMobileArea", "switchAllowRing",
        "switchAllowSdp", "switchAllowRtp", "switchAllowBusy", "switchAllowErrorCode", "sipResponseAddressMethod",
        "sipRequestAddressMethod", "dtmfSendMethodH323", "dtmfSendMethodSIP", "dtmfReceiveMethod",
        "dtmfSendPayloadTypeH323", "dtmfSendPayloadTypeSIP", "dtmfReceivePayloadType", "q931NumberingPlan",
        "q931NumberType", "q931PresentationIndicator", "q931ScreeningIndicator", "clearingAccount", "h323FastStart",
        "h323H245Tunneling", "h323H245InSetup", "h323T38", "sipTimer", "sip100Rel", "sipT38", "sipDisplay",
        "sipRemotePartyId", "sipPrivacy", "sipPPreferredIdentity", "sipPAssertedIdentity", "groupE164Change",
        "callerAllowLength", "calleeAllowLength", "callerLimitE164GroupsAllow", "callerLimitE164Groups",
        "calleeLimitE164GroupsAllow", "calleeLimitE164Groups", "h323G729SendMode", "sipG729SendMode",
        "sipG729Annexb", "sipG723Annexa", "h323CodecAssign", "h323Codecs", "sipCodecAssign", "sipCodecs",
        "audioCodecTranscodingEnable", "rtpIncludeDtmfInband", "rtpNeedDtmfInband", "feerateRestrict",
        "leastCostRouting", "minProfitPercentEnable", "minProfitPercent", "maxSecondRatesEnable", "maxSecondRates",
        "enablePhoneDisplay", "clearingAccountUseCalloutE164", "softswitchName",
        "forwardSignalRewriteE164GroupEnable", "forwardSignalRewriteE164Group", "memo",
        "dynamicBlackListInStandalone", "mediaRecord", "externalNumberVerifyBits",
        "externalNumberVerifyRewriteCaller", "externalNumberVerifyRewriteCallee", "scheduledCallinPrefixes",
        "rewriteRulesInCallerUseE164GroupEnable", "rewriteRulesInCallerUseE164Group",
        "rewriteRulesInCallerUseE164Line", "signalPortLocal", "calculateRouteQuality",
    ];
}
