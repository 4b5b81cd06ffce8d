namespace Softswitch.Core.Gateways;

/// <summary>
/// The writable fields of a routing gateway as CreateGatewayRouting (001_… §3.16) and ModifyGatewayRouting (§3.17)
/// carry them: null means "not given"; the fields mapping gateways have too are in <see cref="GatewayChanges"/>.
/// See <see cref="MappingGatewayChanges"/> for the conventions.
/// </summary>
public record RoutingGatewayChanges : GatewayChanges
{
    /// <summary>落地网关前缀（可使用逗号分隔）</summary>
    public string? Prefix { get; init; }

    /// <summary>前缀匹配方式 0:终结模式 1:延续模式</summary>
    public int? PrefixStyle { get; init; }

    /// <summary>落地网关远端地址</summary>
    public string? RemoteIp { get; init; }

    /// <summary>true:加密 false:不加密</summary>
    public bool? Encrypt { get; init; }

    /// <summary>信令协议 0:H323 1:SIP</summary>
    public int? Protocol { get; init; }

    /// <summary>信令端口</summary>
    public int? SignalPort { get; init; }

    /// <summary>本地地址 空:表示由系统自行选择本地地址</summary>
    public string? LocalIp { get; init; }

    /// <summary>true:允许 callinCallerPrefixes 设置的 前缀列表作为主叫号码前缀 false:禁止 callinCallerPrefixes 设置 的前缀列表作为主叫号码前缀</summary>
    public bool? CallinCallerPrefixesAllow { get; init; }

    /// <summary>主叫号码限制功能中主叫号码前缀 列表（可使用逗号分隔）</summary>
    public string? CallinCallerPrefixes { get; init; }

    /// <summary>true:允许callinCalleePrefixes 设置的 前缀列表作为被叫号码前缀 false:禁止 callinCalleePrefixes 设置 的前缀列表作为被叫号码前缀</summary>
    public bool? CallinCalleePrefixesAllow { get; init; }

    /// <summary>被叫号码限制功能中被叫号码前缀 列表（可使用逗号分隔）</summary>
    public string? CallinCalleePrefixes { get; init; }

    /// <summary>true:允许 callinForwardPrefixes 设置 的前缀列表作为前转号码前缀 false:禁止 callinForwardPrefixes 设 置的前缀列表作为前转号码前缀</summary>
    public bool? CallinForwardPrefixesAllow { get; init; }

    /// <summary>前转号码限制功能中前转号码前缀 列表（可使用逗号分隔）</summary>
    public string? CallinForwardPrefixes { get; init; }

    /// <summary>主叫拨号规则</summary>
    public string? RewriteRulesInCaller { get; init; }

    /// <summary>被叫拨号规则</summary>
    public string? RewriteRulesInCallee { get; init; }

    /// <summary>H323 Setup 超时时间（单位:秒） 0:表示使用系统参数设定值</summary>
    public int? TimeoutSetup { get; init; }

    /// <summary>H323 CallProceeding 超时时间（单 位:秒） 0:表示使用系统参数设定值</summary>
    public int? TimeoutCallProceeding { get; init; }

    /// <summary>H323 CallProceeding 包 含 Open Logical Channel 超时时间（单位:秒） 0:表示使用系统参数设定值</summary>
    public int? TimeoutCallProceedingOlc { get; init; }

    /// <summary>H323 Alerting 超时时间（单位:秒） 0:表示使用系统参数设定值</summary>
    public int? TimeoutAlerting { get; init; }

    /// <summary>SIP Invite 超时时间（单位:秒） 0:表示使用系统参数设定值</summary>
    public int? TimeoutInvite { get; init; }

    /// <summary>SIP Trying 超时时间（单位:秒） 0:表示使用系统参数设定值</summary>
    public int? TimeoutTrying { get; init; }

    /// <summary>SIP SessionProgress 含 SDP 超时时 间（单位:秒） 0:表示使用系统参数设定值</summary>
    public int? TimeoutSessionProgressSdp { get; init; }

    /// <summary>SIP SessionProgress 超时时间（单位: 秒） 0:表示使用系统参数设定值</summary>
    public int? TimeoutSessionProgress { get; init; }

    /// <summary>SIP Ring 超时时间（单位:秒） 0:表示使用系统参数设定值</summary>
    public int? TimeoutRinging { get; init; }

    /// <summary>true:允许 denyCallerCallee 设置的主 叫向对应被叫进行呼叫 false:禁止 denyCallerCallee 设置的 主向叫对应被叫进行呼叫</summary>
    public bool? DenyCallerCalleeAllow { get; init; }

    /// <summary>主叫向对应被叫进行呼叫的限制列 表格 式 为 [&lt; 主 叫 号码&gt;:&lt; 被 叫 号 码&gt;[,&lt;主叫号码&gt;:&lt;被叫号码&gt;]…] 例如:025:010,021:023</summary>
    public string? DenyCallerCallee { get; init; }

    /// <summary>收到振铃信令 18x 后的网关切换方 式 false:禁止 true:允许</summary>
    public bool? SwitchAllowRing { get; init; }

    /// <summary>SIP 协议时，当信令内包含 Sdp 时 的后续处理方式 false:禁止 true:允许</summary>
    public bool? SwitchAllowSdp { get; init; }

    /// <summary>当在媒体转发时收到来自远端的媒 体报文时的后续处理方式 false:禁止 true:允许</summary>
    public bool? SwitchAllowRtp { get; init; }

    /// <summary>当收到被叫忙后的后续处理方式 false:禁止 true:允许</summary>
    public bool? SwitchAllowBusy { get; init; }

    /// <summary>收到列表内错误码，后续网关切换 方式 false:禁止 true:允许</summary>
    public bool? SwitchAllowErrorCode { get; init; }

    /// <summary>Q931NumberingPlan -1:默认，使用系统参数设定 0:UnknownPlan 1:ISDNPlan 3:DataPlan 4:TelexPlan 8:NationalStandardPlan 9:PrivatePlan 15:ReservedPlan</summary>
    public int? Q931NumberingPlan { get; init; }

    /// <summary>Q931NumberType -1:默认，使用系统参数设定 0:UnknownType 1:InternationalType 2:NationalType 3:NetworkSpecificType 4:SubscriberType 6:AbbreviatedType 7:ReservedType</summary>
    public int? Q931NumberType { get; init; }

    /// <summary>Q931PresentationIndicator -1:默认，使用系统参数设定 0:Presentation allowed 1:Presentation restricted 2:Number not available due to interworking 3:Reserved 4:无</summary>
    public int? Q931PresentationIndicator { get; init; }

    /// <summary>Q931ScreeningIndicator -1:默认，使用系统参数设定 0:User-provided ，not screened 1:User-provided ，verified and passed 2:User-provided ，verified and failed 3:Network provided 4:无</summary>
    public int? Q931ScreeningIndicator { get; init; }

    /// <summary>结算账户名称</summary>
    public string? ClearingAccount { get; init; }

    /// <summary>true: 在 向 远 端 发 送 信 令 时 包 含 Display 头部 false:在向远端发送信 令时不包含 Display 头部</summary>
    public bool? SipDisplay { get; init; }

    /// <summary>true: 在 向 远 端 发 送 信 令 时 包 含 RemotePartyId 头部 false:在向远端发送信令时不包含 RemotePartyId 头部</summary>
    public bool? SipRemotePartyId { get; init; }

    /// <summary>0:无 1:透传 2:id 3:none</summary>
    public int? SipPrivacy { get; init; }

    /// <summary>0:无 1:透传 2:主叫号码</summary>
    public int? SipPPreferredIdentity { get; init; }

    /// <summary>0:无 1:透传 2:主叫号码</summary>
    public int? SipPAssertedIdentity { get; init; }

    /// <summary>true:校验被叫号码费率 false:不校验费率</summary>
    public bool? FeerateRestrict { get; init; }

    /// <summary>最低秒费率排序（在 feerateRestrict 为 true 时有效） true:启用 false:关闭</summary>
    public bool? LeastCostRouting { get; init; }

    /// <summary>true:主叫为话机时使用话机的去电 显示作为主叫号码 false:主叫为话机时使用话机的号码 显示作为主叫号码</summary>
    public bool? EnablePhoneDisplay { get; init; }

    /// <summary>true:使用拨号规则后的被叫号码作 为结算账户计费被叫 false:使用拨号规则前的被叫号码作 为结算账户计费被叫</summary>
    public bool? ClearingAccountUseCalloutE164 { get; init; }

    /// <summary>智能黑名单，该参数采用 bit 位控 制，每一位表示开启某项功能 1&lt;&lt;0:开启智能黑名单 1&lt;&lt;1:保险营销 1&lt;&lt;2:股票推荐 1&lt;&lt;3:房产新盘 1&lt;&lt;4:教育培训 1&lt;&lt;5:M0/M1 催收 1&lt;&lt;6:房产中介 1&lt;&lt;7:问卷调查 1&lt;&lt;8:车险回访 1&lt;&lt;9:客服通知 1&lt;&lt;10:金融营销 1&lt;&lt;11:语音验证码</summary>
    public long? ExternalNumberVerifyBits { get; init; }

    /// <summary>智能黑名单主叫拨号规则</summary>
    public string? ExternalNumberVerifyRewriteCaller { get; init; }

    /// <summary>智能黑名单被叫拨号规则</summary>
    public string? ExternalNumberVerifyRewriteCallee { get; init; }

    /// <summary>时段呼叫限制</summary>
    public IReadOnlyList<ScheduledCallinPrefix>? ScheduledCallinPrefixes { get; init; }

    /// <summary>主叫号码池 false：关闭 true：启用</summary>
    public bool? RewriteRulesInCallerUseE164GroupEnable { get; init; }

    /// <summary>主叫号码池 号码组组名称</summary>
    public string? RewriteRulesInCallerUseE164Group { get; init; }

    /// <summary>主叫号码池号码复用次数</summary>
    public int? RewriteRulesInCallerUseE164Line { get; init; }

    /// <summary>信令本地端口</summary>
    public int? SignalPortLocal { get; init; }
}
