namespace Softswitch.Core.Gateways;

/// <summary>
/// The writable fields of a routing gateway as CreateGatewayRouting (001_… §3.16) and ModifyGatewayRouting (§3.17)
/// carry them: null means "not given". See <see cref="MappingGatewayChanges"/> for the conventions.
/// </summary>
public record RoutingGatewayChanges
{
    /// <summary>落地网关前缀（可使用逗号分隔）</summary>
    public string? Prefix { get; init; }

    /// <summary>前缀匹配方式 0:终结模式 1:延续模式</summary>
    public int? PrefixStyle { get; init; }

    /// <summary>落地网关注册密码</summary>
    public string? Password { get; init; }

    /// <summary>落地网关 web 查询密码</summary>
    public string? CustomerPassword { get; init; }

    /// <summary>所属网关群组（逗号分隔多个群组 名称）</summary>
    public string? GatewayGroups { get; init; }

    /// <summary>线路上限</summary>
    public int? Capacity { get; init; }

    /// <summary>锁定类型 0:无锁定 3:全部锁定</summary>
    public int? LockType { get; init; }

    /// <summary>优先级</summary>
    public int? Priority { get; init; }

    /// <summary>注册类型 0:静态 1:动态 2:注册（向其他平台进行注册） 3:IMS 边缘设备</summary>
    public int? RegisterType { get; init; }

    /// <summary>落地网关远端地址</summary>
    public string? RemoteIp { get; init; }

    /// <summary>媒体转发类型 0:自动 1:开启 2:关闭 3:必须开启</summary>
    public int? RtpForwardType { get; init; }

    /// <summary>true:加密 false:不加密</summary>
    public bool? Encrypt { get; init; }

    /// <summary>信令协议 0:H323 1:SIP</summary>
    public int? Protocol { get; init; }

    /// <summary>信令端口</summary>
    public int? SignalPort { get; init; }

    /// <summary>本地地址 空:表示由系统自行选择本地地址</summary>
    public string? LocalIp { get; init; }

    /// <summary>媒体中断检测（仅在通话进行了媒 体转发时有效） 0:不检测 1:检测是否有媒体报文传输给远端 2:检测是否收到来自远端的媒体报 文 3:检测远端与本地有双向的媒体报 文</summary>
    public int? MediaCheckDirection { get; init; }

    /// <summary>大于 0:最长通话时间下限 -1: 使 用 系 统 参 数 值 （需 与 maxCallDurationUpper 保持一致） 0: 无 限 制 （ 需 与 maxCallDurationUpper 保持一致）</summary>
    public int? MaxCallDurationLower { get; init; }

    /// <summary>大于 0:最长通话时间上限 -1: 使 用 系 统 参 数 值 （需 与 maxCallDurationLower 保持一致） 0: 无 限 制 （ 需 与 maxCallDurationLower 保持一致）</summary>
    public int? MaxCallDurationUpper { get; init; }

    /// <summary>被叫号码限制 0:不限制 1:限制被叫号码必须是平台存在的 话机号码 2:限制被叫号码必须不是平台存在 的话机号码</summary>
    public int? CalleeE164Restrict { get; init; }

    /// <summary>true:检查主叫号码规范性 false:不检查主叫号码规范性</summary>
    public bool? CallerE164CheckEnable { get; init; }

    /// <summary>true:允许主叫号码为城市号码 false:不允许主叫号码为城市号码</summary>
    public bool? CallerE164CheckCity { get; init; }

    /// <summary>true:允许主叫号码为移动号码 false:不允许主叫号码为移动号码</summary>
    public bool? CallerE164CheckMobile { get; init; }

    /// <summary>true:允许主叫号码为非城市号码与 非移动号码 false:不允许主叫号码为非城市号码 与非移动号码</summary>
    public bool? CallerE164CheckOther { get; init; }

    /// <summary>true:检查被叫号码规范性 false:不检查被叫号码规范性</summary>
    public bool? CalleeE164CheckEnable { get; init; }

    /// <summary>true:允许被号码为城市号码 false:不允许被叫号码为城市号码</summary>
    public bool? CalleeE164CheckCity { get; init; }

    /// <summary>true:允许被叫号码为移动号码 false:不允许被叫号码为移动号码</summary>
    public bool? CalleeE164CheckMobile { get; init; }

    /// <summary>true:允许被叫号码为非城市号码与 非移动号码 false:不允被主叫号码为非城市号码 与非移动号码</summary>
    public bool? CalleeE164CheckOther { get; init; }

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

    /// <summary>true:开启 rewriteRulesInMobileArea 所设置的区号对应城市的移动号码 添加区号 false:关闭 rewriteRulesInMobileArea 所设置的区号对应城市的移动号码 添加区号</summary>
    public bool? RewriteRulesInMobileAreaAllow { get; init; }

    /// <summary>移动号码需添加区号的地区（可使 用逗号分隔）</summary>
    public string? RewriteRulesInMobileArea { get; init; }

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

    /// <summary>true:允许 denySameCityCodes 设置 的区号进行同城呼叫 false:禁止 denySameCityCodes 设置 的区号进行同城呼叫</summary>
    public bool? DenySameCityCodesAllow { get; init; }

    /// <summary>同城呼叫功能限制的城市区号列表 （使用逗号分隔多个区号）</summary>
    public string? DenySameCityCodes { get; init; }

    /// <summary>true:允许呼叫 checkMobileArea 设 置的区号对应城市的移动号码 false:禁止呼叫 checkMobileArea 设 置的区号对应城市的移动号码</summary>
    public bool? CheckMobileAreaAllow { get; init; }

    /// <summary>移动号码呼叫功能限制的城市区号 列表（使用逗号分隔多个区号）</summary>
    public string? CheckMobileArea { get; init; }

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

    /// <summary>SIP Response 信令的地址 0:回应至原始请求的地址 1:回应至原始请求的 IP，但端口使 用 Via 头部中标识的端口 2:回应至 Via 头部中标识的地址</summary>
    public int? SipResponseAddressMethod { get; init; }

    /// <summary>SIP Request 信令的地址 0:请求至原始请求的地址 1:请求至原始请求的 IP，但端口使 用 Contact 头部中标识的端口 2:请求至Contact 头部中标识的地址</summary>
    public int? SipRequestAddressMethod { get; init; }

    /// <summary>H323 协议，软交换发送 DTMF 方 式 0:自动 10:RFC2833 20:H.245 alphanumeric 30:H.245 signal 40:Q.931 keypad 60:关闭</summary>
    public int? DtmfSendMethodH323 { get; init; }

    /// <summary>SIP 协议，软交换发送 DTMF 方式 0:自动 10:RFC2833 50:SIP Info 60:关闭</summary>
    public int? DtmfSendMethodSIP { get; init; }

    /// <summary>软交换接收主叫 DTMF 方式 0:所有 10:RFC2833 20:信令 30:关闭</summary>
    public int? DtmfReceiveMethod { get; init; }

    /// <summary>Dtmf 为 RFC2833 在H323 协议时使 用的 Payload Type</summary>
    public int? DtmfSendPayloadTypeH323 { get; init; }

    /// <summary>Dtmf为RFC2833 在 SIP 协议时使用 的 Payload Type</summary>
    public int? DtmfSendPayloadTypeSIP { get; init; }

    /// <summary>Dtmf 为 RFC2833 软交换接收 Dtmf 信号使用的 Payload Type</summary>
    public int? DtmfReceivePayloadType { get; init; }

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

    /// <summary>true:启用 H323 的 fast start 功能 false:关闭 H323 的 fast start 功能</summary>
    public bool? H323FastStart { get; init; }

    /// <summary>true:启用H323 的 H245 tunneling 功 能 false:关闭 H323 的 H245 tunneling 功能</summary>
    public bool? H323H245Tunneling { get; init; }

    /// <summary>true:在 H323 的 Setup 信令中包含 H245 信令 false:在H323 的 Setup 信令中不包含 H245 信令</summary>
    public bool? H323H245InSetup { get; init; }

    /// <summary>true:H323 协议时支持 T38 信令 false:H323 协议时忽略 T38 信令</summary>
    public bool? H323T38 { get; init; }

    /// <summary>true:支持 SIP Timer 协议（RFC4028） false:禁止 SIP Timer 协议</summary>
    public bool? SipTimer { get; init; }

    /// <summary>true:支持 SIP 100rel 协议 false:禁止 SIP 100rel 协议</summary>
    public bool? Sip100Rel { get; init; }

    /// <summary>true:支持 SIPT38 协议 false:禁止 SIPT38 协议</summary>
    public bool? SipT38 { get; init; }

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

    /// <summary>true:启用号码变换功能 false:关闭号码变换功能</summary>
    public bool? GroupE164Change { get; init; }

    /// <summary>主叫号码允许的号码长度掩码 0:表示允许所有长度 1&lt;&lt;x:表示允许长度为 x 的号码（x 小于 32）</summary>
    public int? CallerAllowLength { get; init; }

    /// <summary>被叫号码允许的号码长度掩码 0:表示允许所有长度 1&lt;&lt;x:表示允许长度为 x 的号码（x 小于 32）</summary>
    public int? CalleeAllowLength { get; init; }

    /// <summary>true:允许 callerLimitE164Groups 所 设置的号码组作为主叫号码呼叫 false:禁止 callerLimitE164Groups 所 设置的号码组作为主叫号码呼叫</summary>
    public bool? CallerLimitE164GroupsAllow { get; init; }

    /// <summary>主叫号码组列表（可使用逗号分隔）</summary>
    public string? CallerLimitE164Groups { get; init; }

    /// <summary>true:允许 calleeLimitE164Groups 所 设置的号码组作为被叫号码呼叫 false:禁止 calleeLimitE164Groups 所 设置的号码组作为被叫号码呼叫</summary>
    public bool? CalleeLimitE164GroupsAllow { get; init; }

    /// <summary>被叫号码组列表（可使用逗号分隔）</summary>
    public string? CalleeLimitE164Groups { get; init; }

    /// <summary>H323 G729 协商模式 0:自动 1:将 G729a 与 G729 当作 G729 协 商 2:将 G729a 与 G729 当作 G729a 协 商 3:将 G729 或 G729 作为 G729 与 G729a 进行协商</summary>
    public int? H323G729SendMode { get; init; }

    /// <summary>SIPG729 协商模式 0:自动 1:将 G729a 与 G729 当作 G729 协 商 2:将 G729a 与 G729 当作 G729a 协 商 3:将 G729 或 G729 作为 G729 与 G729a 进行协商</summary>
    public int? SipG729SendMode { get; init; }

    /// <summary>G729 annexb 参数填写方式 0:自动 1:annex=yes 2:annex=no 3:无 annex 4:透传对端的 annex</summary>
    public int? SipG729Annexb { get; init; }

    /// <summary>G723 annexa 参数填写方式 0:自动 1:annex=yes 2:annex=no 3:无 annex 4:透传对端的 annex</summary>
    public int? SipG723Annexa { get; init; }

    /// <summary>true:限制 H323 音频/视频编码为 h323Codecs 设定值 false:软交换自动协商</summary>
    public bool? H323CodecAssign { get; init; }

    /// <summary>H323 音频/视频列表</summary>
    public IReadOnlyList<string>? H323Codecs { get; init; }

    /// <summary>true: 限制 SIP 音频/ 视频编码为 SIPCodecs 设定值 false:软交换自动协商</summary>
    public bool? SipCodecAssign { get; init; }

    /// <summary>SIP 音频/视频列表</summary>
    public IReadOnlyList<string>? SipCodecs { get; init; }

    /// <summary>true:允许使用编码转换 false:不允许使用编码转换</summary>
    public bool? AudioCodecTranscodingEnable { get; init; }

    /// <summary>true:媒体包含带内(inband)DTMF false: 媒 体 不 包 含 带 内 (inband)DTMF</summary>
    public bool? RtpIncludeDtmfInband { get; init; }

    /// <summary>true:需使用带内(inband)DTMF 发送 false: 不 额 外 使 用 带 内 (inband)DTMF 发送</summary>
    public bool? RtpNeedDtmfInband { get; init; }

    /// <summary>true:校验被叫号码费率 false:不校验费率</summary>
    public bool? FeerateRestrict { get; init; }

    /// <summary>最低秒费率排序（在 feerateRestrict 为 true 时有效） true:启用 false:关闭</summary>
    public bool? LeastCostRouting { get; init; }

    /// <summary>feerateRestrict 为 true 时有效 是否开启最低利润率限制</summary>
    public bool? MinProfitPercentEnable { get; init; }

    /// <summary>最低利润率限制若设置为 10 表示 利润率为 10% 取值范围-10000 至 10000</summary>
    public int? MinProfitPercent { get; init; }

    /// <summary>最高秒费率限制 true:开启 false 关闭</summary>
    public bool? MaxSecondRatesEnable { get; init; }

    /// <summary>最高秒费率值（若分钟费率为 0.6， 此值应该设置为0.01）</summary>
    public double? MaxSecondRates { get; init; }

    /// <summary>true:主叫为话机时使用话机的去电 显示作为主叫号码 false:主叫为话机时使用话机的号码 显示作为主叫号码</summary>
    public bool? EnablePhoneDisplay { get; init; }

    /// <summary>true:使用拨号规则后的被叫号码作 为结算账户计费被叫 false:使用拨号规则前的被叫号码作 为结算账户计费被叫</summary>
    public bool? ClearingAccountUseCalloutE164 { get; init; }

    /// <summary>软交换名称</summary>
    public string? SoftswitchName { get; init; }

    /// <summary>true:开启呼叫前转信令拨号规则 false:关闭呼叫前转信令拨号规则</summary>
    public bool? ForwardSignalRewriteE164GroupEnable { get; init; }

    /// <summary>呼叫前转信令改使用的号码群组名 称</summary>
    public string? ForwardSignalRewriteE164Group { get; init; }

    /// <summary>备注</summary>
    public string? Memo { get; init; }

    /// <summary>独立模式下启用动态黑名单 true:开启 false:关闭</summary>
    public bool? DynamicBlackListInStandalone { get; init; }

    /// <summary>录音 true:开启 false:关闭</summary>
    public bool? MediaRecord { get; init; }

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

    /// <summary>实时计算路由质量 0：默认 1：开启 2：关闭</summary>
    public int? CalculateRouteQuality { get; init; }
}
