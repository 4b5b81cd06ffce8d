using Softswitch.Core.Management;
using Softswitch.Core.Numbers;

namespace Softswitch.Core.Gateways;

/// <summary>
/// Validation of the fields both gateway kinds share (<see cref="GatewayChanges"/>, <see cref="Gateway"/>), written
/// once for 001_… §3.11/§3.12 and §3.16/§3.17. <see cref="MappingGatewayRules"/> and <see cref="RoutingGatewayRules"/>
/// run these first, then their kind's own checks; gatewayGroups and registerType are judged there, because the
/// two kinds allow different lengths and values for them.
/// </summary>
internal static class GatewayRules
{
    public static ServiceResult? CheckChanges(GatewayChanges c) => Lengths(c) ?? Enumerations(c);

    /// <summary>Rules that span fields or other objects, judged on the gateway as it would be stored.</summary>
    public static ServiceResult? CheckMerged(Gateway g, NumberState numbers) =>
        GatewayFieldRules.CallDuration(g.MaxCallDurationLower, g.MaxCallDurationUpper)
        ?? GatewayFieldRules.Groups(numbers, g.CallerLimitE164Groups, "callerLimitE164Groups")
        ?? GatewayFieldRules.Groups(numbers, g.CalleeLimitE164Groups, "calleeLimitE164Groups");

    private static ServiceResult? Lengths(GatewayChanges c) =>
        FieldRules.Length(c.Password, "password")
        ?? FieldRules.Length(c.CustomerPassword, "customerPassword")
        ?? GatewayFieldRules.Long(c.DenySameCityCodes, "denySameCityCodes")
        ?? GatewayFieldRules.Long(c.CheckMobileArea, "checkMobileArea")
        ?? GatewayFieldRules.Long(c.RewriteRulesInMobileArea, "rewriteRulesInMobileArea")
        ?? FieldRules.Length(c.Memo, "memo")
        ?? FieldRules.Length(c.CallerLimitE164Groups, "callerLimitE164Groups")
        ?? FieldRules.Length(c.CalleeLimitE164Groups, "calleeLimitE164Groups")
        ?? FieldRules.Length(c.ForwardSignalRewriteE164Group, "forwardSignalRewriteE164Group")
        ?? FieldRules.Length(c.SoftswitchName, "softswitchName");

    private static ServiceResult? Enumerations(GatewayChanges c) =>
        FieldRules.Range(c.LockType, "lockType", 0, 3)
        ?? FieldRules.Range(c.Capacity, "capacity", 0, int.MaxValue)
        ?? FieldRules.Range(c.Priority, "priority", 0, int.MaxValue)
        ?? FieldRules.Range(c.RtpForwardType, "rtpForwardType", 0, 3)
        ?? FieldRules.Range(c.RtpSourceCheck, "rtpSourceCheck", 0, 2)
        ?? FieldRules.Range(c.MediaCheckDirection, "mediaCheckDirection", 0, 3)
        ?? FieldRules.Range(c.CalleeE164Restrict, "calleeE164Restrict", 0, 2)
        ?? FieldRules.Range(c.SipResponseAddressMethod, "sipResponseAddressMethod", 0, 2)
        ?? FieldRules.Range(c.SipRequestAddressMethod, "sipRequestAddressMethod", 0, 2)
        ?? GatewayFieldRules.Dtmf(c.DtmfSendMethodH323, c.DtmfSendMethodSIP, c.DtmfReceiveMethod,
            c.DtmfSendPayloadTypeH323, c.DtmfSendPayloadTypeSIP, c.DtmfReceivePayloadType)
        ?? GatewayFieldRules.Codecs(c.H323G729SendMode, c.SipG729SendMode, c.SipG729Annexb, c.SipG723Annexa,
            c.H323Codecs, c.SipCodecs)
        ?? FieldRules.Range(c.MinProfitPercent, "minProfitPercent", -10000, 10000)
        ?? FieldRules.NonNegative(c.MaxSecondRates, "maxSecondRates")
        ?? FieldRules.Range(c.CalculateRouteQuality, "calculateRouteQuality", 0, 2);
}
