using Softswitch.Core.Management;

namespace Softswitch.Core.Phones;

/// <summary>Validation of phone fields against 001_… §3.6/§3.7 (enumerations, ranges, lengths).</summary>
internal static class PhoneRules
{
    public static ServiceResult? CheckChanges(PhoneChanges c) =>
        FieldRules.Length(c.Account, "account")
        ?? CheckPassword(c.Password)
        ?? FieldRules.Length(c.DisplayNumber, "displayNumber")
        ?? FieldRules.OneOf(c.LockType, "lockType", 0, 1, 2, 3)
        ?? FieldRules.Range(c.CallLevel, "callLevel", 1, 5)
        ?? FieldRules.Length(c.FeerateGroup, "feerateGroup")
        ?? FieldRules.NonNegative(c.MonthlyMoneyMinimum, "monthlyMoneyMinimum")
        ?? FieldRules.NonNegative(c.MonthlyMoneyMaximum, "monthlyMoneyMaximum")
        ?? FieldRules.NonNegative(c.MonthlyRentFee, "monthlyRentFee")
        ?? FieldRules.DialPlan(c.RewriteRulesOutCallee, "rewriteRulesOutCallee")
        ?? FieldRules.DialPlan(c.RewriteRulesInCallee, "rewriteRulesInCallee")
        ?? FieldRules.DialPlan(c.RewriteRulesInCaller, "rewriteRulesInCaller")
        ?? FieldRules.Length(c.RoutingGatewayGroups, "routingGatewayGroups")
        ?? FieldRules.Length(c.Equipment, "equipment")
        ?? FieldRules.Length(c.CustomerPassword, "customerPassword")
        ?? FieldRules.Range(c.LineCallIn, "lineCallIn", 0, int.MaxValue)
        ?? FieldRules.Range(c.LineCallOut, "lineCallOut", 0, int.MaxValue)
        ?? FieldRules.Range(c.LineCapacity, "lineCapacity", 0, int.MaxValue)
        ?? FieldRules.Range(c.PhonebookLimit, "phonebookLimit", 0, int.MaxValue)
        ?? FieldRules.Length(c.CallerLimitE164Groups, "callerLimitE164Groups")
        ?? FieldRules.Length(c.CalleeLimitE164Groups, "calleeLimitE164Groups")
        ?? CheckDids(c.Dids)
        ?? FieldRules.Length(c.Memo, "memo")
        ?? CheckValueAdded(c.ValueAdded)
        ?? CheckAdditional(c.Additional);

    /// <summary>The password is the SIP digest secret: when given it must be non-empty and printable.</summary>
    private static ServiceResult? CheckPassword(string? password) =>
        password is not null && (password.Length == 0 || password.Any(char.IsControl))
            ? ServiceResult.Fail(ServiceError.OutOfRange, "password",
                "Field 'password' must be non-empty printable text.")
            : FieldRules.Length(password, "password");

    /// <summary>一机多号 (§3.6 dids): a comma-separated list; each entry must be a valid number.</summary>
    private static ServiceResult? CheckDids(string? dids)
    {
        if (FieldRules.Length(dids, "dids", FieldRules.LongStringMax) is { } tooLong)
        {
            return tooLong;
        }
        foreach (string did in (dids ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (FieldRules.Number(did, "dids") is { } bad)
            {
                return bad;
            }
        }
        return null;
    }

    private static ServiceResult? CheckValueAdded(PhoneValueAdded? v)
    {
        if (v is null)
        {
            return null;
        }
        const string p = "infoPhoneValueAdded.";
        var periods = v.InfoPhoneValueAddedPeriodForwardings ?? [];
        for (int i = 0; i < periods.Count; i++)
        {
            string q = $"{p}infoPhoneValueAddedPeriodForwardings[{i}].";
            var period = periods[i];
            if (period is null)
            {
                return ServiceResult.Fail(ServiceError.OutOfRange, q.TrimEnd('.'), "A period forwarding must be an object.");
            }
            var bad = FieldRules.Range(period.BeginSecondInDay, q + "beginSecondInDay", 0, 86400)
                ?? FieldRules.Range(period.EndSecondInDay, q + "endSecondInDay", 0, 86400)
                ?? CheckWeekDays(period.WeekOfDay, q + "weekOfDay")
                ?? CheckForward(period.ForwardE164, q + "forwardE164.");
            if (bad is not null)
            {
                return bad;
            }
        }
        return CheckForward(v.UnconditionalForwardE164, p + "unconditionalForwardE164.")
            ?? CheckForward(v.NoAnswerForwardE164, p + "noAnswerForwardE164.")
            ?? CheckForward(v.OfflineForwardE164, p + "offlineForwardE164.")
            ?? CheckForward(v.BusyForwardE164, p + "busyForwardE164.")
            ?? FieldRules.Range(v.CallForwardDisplay, p + "callForwardDisplay", 0, 2)
            ?? FieldRules.Range(v.CallTransferNormalDisplay, p + "callTransferNormalDisplay", 0, 2)
            ?? FieldRules.Range(v.CallTransferAskDisplay, p + "callTransferAskDisplay", 0, 2)
            ?? FieldRules.Length(v.ColorRingName, p + "colorRingName")
            ?? FieldRules.Length(v.Language, p + "language")
            ?? FieldRules.Range(v.UnableToConnectVoicePrompts, p + "unableToConnectVoicePrompts", 0, 2)
            ?? FieldRules.Range(v.CallRemainingTimePrompts, p + "callRemainingTimePrompts", 0, 3)
            ?? FieldRules.Range(v.BalanceNotEnoughAlarm, p + "balanceNotEnoughAlarm", 0, 2)
            ?? FieldRules.Range(v.VoiceMailMaxNumber, p + "voiceMailMaxNumber", -1, int.MaxValue)
            ?? FieldRules.Range(v.VoiceMailExpireDay, p + "voiceMailExpireDay", -1, int.MaxValue)
            ?? FieldRules.Range(v.VoiceMailAudioType, p + "voiceMailAudioType", 0, 1);
    }

    private static ServiceResult? CheckForward(PhoneValueAddedForwardE164? f, string p) =>
        f is null
            ? null
            : FieldRules.OneOf(f.ForwardMethod, p + "forwardMethod", 0, 2, 3)
                ?? FieldRules.Range(f.AlertSecond, p + "alertSecond", -1, 3600)
                ?? FieldRules.Length(f.E164, p + "e164");

    private static ServiceResult? CheckWeekDays(string? days, string field)
    {
        if (string.IsNullOrEmpty(days))
        {
            return null;
        }
        foreach (string day in days.Split(',', StringSplitOptions.TrimEntries))
        {
            if (day.Length != 1 || day[0] is < '0' or > '6')
            {
                return ServiceResult.Fail(ServiceError.OutOfRange, field,
                    $"Field '{field}' must be comma-separated days 0-6.");
            }
        }
        return null;
    }

    private static ServiceResult? CheckAdditional(PhoneAdditional? a)
    {
        if (a is null)
        {
            return null;
        }
        const string p = "infoPhoneAdditional.";
        return FieldRules.Range(a.RegisterType, p + "registerType", 0, 2)
            ?? FieldRules.Range(a.Protocol, p + "protocol", 0, 1)
            ?? FieldRules.Length(a.Ip, p + "ip")
            ?? FieldRules.Range(a.Port, p + "port", 0, 65535)
            ?? FieldRules.Length(a.LocalIp, p + "localIp")
            ?? FieldRules.Range(a.RtpRelay, p + "rtpRelay", 0, 3)
            ?? FieldRules.Range(a.RtpSourceCheck, p + "rtpSourceCheck", 0, 2)
            ?? FieldRules.Range(a.RtpInterruptDetection, p + "rtpInterruptDetection", 0, 3)
            ?? FieldRules.Range(a.CallDurationLimit, p + "callDurationLimit", -1, int.MaxValue)
            ?? FieldRules.Range(a.UseCallerPhoneDisplay, p + "useCallerPhoneDisplay", 0, 2)
            ?? FieldRules.Range(a.NoBillingToPhone, p + "noBillingToPhone", 0, 2)
            ?? FieldRules.Range(a.UseRoutingGatewayNotOnline, p + "useRoutingGatewayNotOnline", 0, 2)
            ?? FieldRules.Range(a.MinProfitPercent, p + "minProfitPercent", -10000, 10000)
            ?? FieldRules.NonNegative(a.MaxSecondRates, p + "maxSecondRates")
            ?? FieldRules.Range(a.FirstRoutingPolicy, p + "firstRoutingPolicy", 0, 2)
            ?? FieldRules.Range(a.SecondRoutingPolicy, p + "secondRoutingPolicy", 0, 2)
            ?? FieldRules.Range(a.SipAuthenticationMethod, p + "sipAuthenticationMethod", 0, 1)
            ?? FieldRules.Range(a.SipRemoteAlertingMethod, p + "sipRemoteAlertingMethod", 0, 2)
            ?? FieldRules.Range(a.SipPrivacy, p + "sipPrivacy", 0, 3)
            ?? FieldRules.Range(a.SipPPreferredIdentity, p + "sipPPreferredIdentity", 0, 2)
            ?? FieldRules.Range(a.SipPAssertedIdentity, p + "sipPAssertedIdentity", 0, 2)
            ?? FieldRules.OneOf(a.DtmfReceiveMethod, p + "dtmfReceiveMethod", 0, 10, 20, 30)
            ?? FieldRules.OneOf(a.DtmfSIPSendMethod, p + "dtmfSIPSendMethod", 0, 10, 50, 60)
            ?? CheckCodecs(a.SipCodecs, p + "sipCodecs")
            ?? FieldRules.OneOf(a.IvrEquipmentType, p + "ivrEquipmentType", -1, 1, 2, 3)
            ?? FieldRules.Length(a.IvrServiceName, p + "ivrServiceName")
            ?? FieldRules.Range(a.IvrCallbackBillingMode, p + "ivrCallbackBillingMode", 0, 3)
            ?? FieldRules.Range(a.IvrCallbackMergeBillingMode, p + "ivrCallbackMergeBillingMode", 0, 2)
            ?? FieldRules.Range(a.IvrDirectMergeBillingMode, p + "ivrDirectMergeBillingMode", 0, 2)
            ?? FieldRules.OneOf(a.IvrSecondBillingMode, p + "ivrSecondBillingMode", 0, 1, 3)
            ?? FieldRules.Range(a.LrnEatPrefixLength, p + "lrnEatPrefixLength", 0, 64)
            ?? FieldRules.Range(a.LrnFailureAction, p + "lrnFailureAction", 0, 1)
            ?? FieldRules.Length(a.LrnInterstateBillingPrefix, p + "lrnInterstateBillingPrefix")
            ?? FieldRules.Length(a.LrnUndeterminedBillingPrefix, p + "lrnUndeterminedBillingPrefix")
            ?? FieldRules.Length(a.RewriteCalleeMobileArea, p + "rewriteCalleeMobileArea", FieldRules.LongStringMax)
            ?? FieldRules.Range(a.SipRequestAddress, p + "sipRequestAddress", 0, 2)
            ?? FieldRules.Range(a.SipResponseAddress, p + "sipResponseAddress", 0, 2);
    }

    /// <summary>Codec names are "audio/…" or "video/…" MIME types (§3.6 sipCodecs list).</summary>
    private static ServiceResult? CheckCodecs(IReadOnlyList<string>? codecs, string field)
    {
        foreach (string? codec in codecs ?? [])
        {
            if (codec is null || !(codec.StartsWith("audio/", StringComparison.Ordinal) ||
                                   codec.StartsWith("video/", StringComparison.Ordinal)) || codec.Length > 64)
            {
                return ServiceResult.Fail(ServiceError.OutOfRange, field,
                    $"Field '{field}' entries must be codec names such as 'audio/PCMU'.");
            }
        }
        return null;
    }
}
