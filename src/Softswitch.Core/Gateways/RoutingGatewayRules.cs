using Softswitch.Core.Management;
using Softswitch.Core.Numbers;

namespace Softswitch.Core.Gateways;

/// <summary>
/// Validation of the fields of routing gateways only against 001_… §3.16/§3.17 (enumerations, lengths, formats,
/// references), after the shared ones (<see cref="GatewayRules"/>).
/// </summary>
internal static class RoutingGatewayRules
{
    /// <summary>externalNumberVerifyBits defines bits 0-11 (§3.16 智能黑名单); other bits are refused.</summary>
    private const long VerifyBitsMask = (1L << 12) - 1;

    public static ServiceResult? CheckChanges(RoutingGatewayChanges c) =>
        GatewayRules.CheckChanges(c) ?? Lengths(c) ?? Enumerations(c) ?? Formats(c);

    /// <summary>Rules that span fields or other objects, judged on the gateway as it would be stored.</summary>
    public static ServiceResult? CheckMerged(RoutingGateway g, DirectoryState directory, NumberState numbers)
    {
        if (g.ClearingAccount.Length > 0 && directory.FindCustomer(g.ClearingAccount) is null)
        {
            return ServiceResult.Fail(ServiceError.NotFound, "clearingAccount",
                $"Account '{g.ClearingAccount}' does not exist (clearingAccount).");
        }
        return GatewayRules.CheckMerged(g, numbers)
            ?? GatewayFieldRules.Groups(numbers, g.RewriteRulesInCallerUseE164Group, "rewriteRulesInCallerUseE164Group");
    }

    private static ServiceResult? Lengths(RoutingGatewayChanges c) =>
        FieldRules.Length(c.GatewayGroups, "gatewayGroups")
        ?? FieldRules.DialPlan(c.RewriteRulesInCaller, "rewriteRulesInCaller")
        ?? FieldRules.DialPlan(c.RewriteRulesInCallee, "rewriteRulesInCallee")
        ?? FieldRules.Length(c.ClearingAccount, "clearingAccount")
        ?? FieldRules.DialPlan(c.ExternalNumberVerifyRewriteCaller, "externalNumberVerifyRewriteCaller", FieldRules.StringMax)
        ?? FieldRules.DialPlan(c.ExternalNumberVerifyRewriteCallee, "externalNumberVerifyRewriteCallee", FieldRules.StringMax)
        ?? FieldRules.Length(c.RewriteRulesInCallerUseE164Group, "rewriteRulesInCallerUseE164Group");

    private static ServiceResult? Enumerations(RoutingGatewayChanges c) =>
        FieldRules.Range(c.PrefixStyle, "prefixStyle", 0, 1)
        ?? FieldRules.Range(c.RegisterType, "registerType", 0, 3)
        ?? FieldRules.Range(c.Protocol, "protocol", 0, 1)
        ?? FieldRules.Range(c.SignalPort, "signalPort", 0, 65535)
        ?? FieldRules.Range(c.SignalPortLocal, "signalPortLocal", 0, 65535)
        ?? Timeouts(c)
        ?? FieldRules.OneOf(c.Q931NumberingPlan, "q931NumberingPlan", -1, 0, 1, 3, 4, 8, 9, 15)
        ?? FieldRules.OneOf(c.Q931NumberType, "q931NumberType", -1, 0, 1, 2, 3, 4, 6, 7)
        ?? FieldRules.Range(c.Q931PresentationIndicator, "q931PresentationIndicator", -1, 4)
        ?? FieldRules.Range(c.Q931ScreeningIndicator, "q931ScreeningIndicator", -1, 4)
        ?? FieldRules.Range(c.SipPrivacy, "sipPrivacy", 0, 3)
        ?? FieldRules.Range(c.SipPPreferredIdentity, "sipPPreferredIdentity", 0, 2)
        ?? FieldRules.Range(c.SipPAssertedIdentity, "sipPAssertedIdentity", 0, 2)
        ?? FieldRules.Range(c.ExternalNumberVerifyBits, "externalNumberVerifyBits", 0, VerifyBitsMask)
        ?? FieldRules.Range(c.RewriteRulesInCallerUseE164Line, "rewriteRulesInCallerUseE164Line", 0, int.MaxValue);

    /// <summary>The H.323/SIP stage timeouts are seconds, 0 meaning the system parameter (§3.16).</summary>
    private static ServiceResult? Timeouts(RoutingGatewayChanges c) =>
        FieldRules.Range(c.TimeoutSetup, "timeoutSetup", 0, int.MaxValue)
        ?? FieldRules.Range(c.TimeoutCallProceeding, "timeoutCallProceeding", 0, int.MaxValue)
        ?? FieldRules.Range(c.TimeoutCallProceedingOlc, "timeoutCallProceedingOlc", 0, int.MaxValue)
        ?? FieldRules.Range(c.TimeoutAlerting, "timeoutAlerting", 0, int.MaxValue)
        ?? FieldRules.Range(c.TimeoutInvite, "timeoutInvite", 0, int.MaxValue)
        ?? FieldRules.Range(c.TimeoutTrying, "timeoutTrying", 0, int.MaxValue)
        ?? FieldRules.Range(c.TimeoutSessionProgressSdp, "timeoutSessionProgressSdp", 0, int.MaxValue)
        ?? FieldRules.Range(c.TimeoutSessionProgress, "timeoutSessionProgress", 0, int.MaxValue)
        ?? FieldRules.Range(c.TimeoutRinging, "timeoutRinging", 0, int.MaxValue);

    private static ServiceResult? Formats(RoutingGatewayChanges c) =>
        GatewayFieldRules.Prefixes(c.Prefix, "prefix")
        ?? GatewayFieldRules.SignalAddress(c.RemoteIp, "remoteIp")
        ?? GatewayFieldRules.Host(c.LocalIp, "localIp")
        ?? GatewayFieldRules.Prefixes(c.CallinCallerPrefixes, "callinCallerPrefixes")
        ?? GatewayFieldRules.Prefixes(c.CallinCalleePrefixes, "callinCalleePrefixes")
        ?? GatewayFieldRules.Prefixes(c.CallinForwardPrefixes, "callinForwardPrefixes")
        ?? GatewayFieldRules.Pairs(c.DenyCallerCallee, "denyCallerCallee", digitsOnly: false)
        ?? Scheduled(c.ScheduledCallinPrefixes);

    private static ServiceResult? Scheduled(IReadOnlyList<ScheduledCallinPrefix>? list)
    {
        for (int i = 0; i < (list?.Count ?? 0); i++)
        {
            string p = $"scheduledCallinPrefixes[{i}].";
            var s = list![i];
            if (s is null)
            {
                return GatewayFieldRules.Missing($"scheduledCallinPrefixes[{i}]");
            }
            var invalid = (s.Days is null ? GatewayFieldRules.Missing(p + "days") : null)
                ?? s.Days?.Select((d, j) => FieldRules.Range(d, $"{p}days[{j}]", 0, 6)).FirstOrDefault(r => r is not null)
                ?? (s.BeginTime is null ? GatewayFieldRules.Missing(p + "beginTime") : FieldRules.Range(s.BeginTime, p + "beginTime", 0, 86400))
                ?? (s.EndTime is null ? GatewayFieldRules.Missing(p + "endTime") : FieldRules.Range(s.EndTime, p + "endTime", 0, 86400))
                ?? (s.Action is null ? GatewayFieldRules.Missing(p + "action") : FieldRules.Range(s.Action, p + "action", 0, 1))
                ?? (s.Type is null ? GatewayFieldRules.Missing(p + "type") : FieldRules.Range(s.Type, p + "type", 0, 1))
                ?? (s.Prefixes is null ? GatewayFieldRules.Missing(p + "prefixes") : null)
                ?? s.Prefixes?.Select((x, j) => x is null ? GatewayFieldRules.Missing($"{p}prefixes[{j}]") : GatewayFieldRules.NumberText(x, $"{p}prefixes[{j}]"))
                    .FirstOrDefault(r => r is not null);
            if (invalid is not null)
            {
                return invalid;
            }
        }
        return null;
    }
}
