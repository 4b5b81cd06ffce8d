namespace Softswitch.Core.Phones;

/// <summary>
/// InfoPhoneAdditional (001_… §3.6): registration, media, SIP signalling, routing-policy, IVR and LRN settings of
/// a phone. Every field is optional and null means "not set, the system parameter decides"; the integer codes
/// are the manual's and are range-checked by <see cref="PhoneRules"/>.
/// </summary>
public sealed record PhoneAdditional
{
    public static readonly PhoneAdditional Empty = new();

    /// <summary>注册方式 0:static 1:dynamic 2:mapping gateway.</summary>
    public int? RegisterType { get; init; }

    /// <summary>0:H323 1:SIP.</summary>
    public int? Protocol { get; init; }
    public string? Ip { get; init; }
    public int? Port { get; init; }
    public string? LocalIp { get; init; }

    /// <summary>媒体转发 0:auto 1:on 2:off 3:forced on.</summary>
    public int? RtpRelay { get; init; }

    /// <summary>Softswitch extension, not in the manual: the RTP relay's source check for this phone's media — 0 rtp.sourceCheck, 1 latch, 2 strict.</summary>
    public int? RtpSourceCheck { get; init; }

    /// <summary>0:none 1:server to remote 2:remote to server 3:both.</summary>
    public int? RtpInterruptDetection { get; init; }

    /// <summary>Seconds; -1 = system value, 0 = unlimited.</summary>
    public int? CallDurationLimit { get; init; }
    public int? UseCallerPhoneDisplay { get; init; }
    public int? NoBillingToPhone { get; init; }
    public bool? DisplayCallerShortNumber { get; init; }
    public int? UseRoutingGatewayNotOnline { get; init; }
    public bool? MinProfitPercentEnable { get; init; }

    /// <summary>Percent, -10000 to 10000.</summary>
    public int? MinProfitPercent { get; init; }
    public bool? MaxSecondRatesEnable { get; init; }
    public double? MaxSecondRates { get; init; }

    /// <summary>0:none 1:ASR 2:lowest per-second rate (both routing policies).</summary>
    public int? FirstRoutingPolicy { get; init; }
    public int? SecondRoutingPolicy { get; init; }

    /// <summary>0:by IP 1:by IP and port.</summary>
    public int? SipAuthenticationMethod { get; init; }

    /// <summary>0:pass through 1:183+SDP 2:180+SDP.</summary>
    public int? SipRemoteAlertingMethod { get; init; }
    public bool? SipTimerSupport { get; init; }
    public bool? Sip100RelSupport { get; init; }
    public bool? SipT38Support { get; init; }
    public bool? SipPrivacySupport { get; init; }

    /// <summary>0:none 1:pass through 2:id 3:none.</summary>
    public int? SipPrivacy { get; init; }

    /// <summary>0:none 1:pass through 2:caller number (both identity headers).</summary>
    public int? SipPPreferredIdentity { get; init; }
    public int? SipPAssertedIdentity { get; init; }

    /// <summary>0:all 10:RFC2833 20:signalling 30:off.</summary>
    public int? DtmfReceiveMethod { get; init; }

    /// <summary>0:auto 10:RFC2833 50:SIP INFO 60:off.</summary>
    public int? DtmfSIPSendMethod { get; init; }
    public bool? SipCodecAssign { get; init; }

    /// <summary>MIME names such as "audio/PCMU", from the manual's list.</summary>
    public IReadOnlyList<string>? SipCodecs { get; init; }
    public bool? AudioCodecTranscodingEnable { get; init; }
    public bool? RtpIncludeDtmfInband { get; init; }
    public bool? RtpNeedDtmfInband { get; init; }

    /// <summary>-1:none 1:direct/call-back 2:switchboard 3:value-added.</summary>
    public int? IvrEquipmentType { get; init; }
    public string? IvrServiceName { get; init; }
    public int? IvrCallbackBillingMode { get; init; }
    public int? IvrCallbackMergeBillingMode { get; init; }
    public int? IvrDirectMergeBillingMode { get; init; }
    public int? IvrSecondBillingMode { get; init; }

    /// <summary>Spelling ("Secord") is the manual's and is kept so clients written against it work.</summary>
    public bool? IvrCallbackBillingSecordNotConnectedOnAccessE164 { get; init; }
    public bool? IvrCallbackBillingSecordConnectedOnSecondAccount { get; init; }
    public bool? IvrAccessVerifyActivePhoneCard { get; init; }
    public bool? IvrAccessVerifyBindedE164 { get; init; }
    public bool? IvrAccessVerifyCallerE164Phone { get; init; }
    public bool? IvrAccessVerifyAccessE164Phone { get; init; }
    public bool? IvrEnablePhoneSetting { get; init; }
    public bool? LrnEnable { get; init; }
    public int? LrnEatPrefixLength { get; init; }

    /// <summary>0:reject the call 1:continue with the original number.</summary>
    public int? LrnFailureAction { get; init; }
    public string? LrnInterstateBillingPrefix { get; init; }
    public string? LrnUndeterminedBillingPrefix { get; init; }
    public bool? RewriteCalleeMobileAreaEnable { get; init; }
    public string? RewriteCalleeMobileArea { get; init; }
    public bool? CallStateReport { get; init; }

    /// <summary>0:socket 1:Contact port 2:Contact.</summary>
    public int? SipRequestAddress { get; init; }

    /// <summary>0:socket 1:Via port 2:Via.</summary>
    public int? SipResponseAddress { get; init; }
}
