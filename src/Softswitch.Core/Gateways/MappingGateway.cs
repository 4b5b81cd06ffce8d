using System.Text.Json.Serialization;

namespace Softswitch.Core.Gateways;

/// <summary>
/// A mapping gateway (对接网关, an inbound trunk), 001_… §3.11 and InfoGatewayMapping §3.13: every field the manual
/// defines, named as the manual names it (the API and the store serialise this record as is). Immutable: a write
/// replaces the whole record in memory, so the SIP engine always reads a consistent gateway. Defaults are what a
/// create without the field gets; enumerations the engine branches on are enums, the rest stay the manual's ints.
/// </summary>
public sealed record MappingGateway
{
    /// <summary>Row id, reported as InfoGatewayMappingOnline.id (§3.15); not part of InfoGatewayMapping.</summary>
    [JsonIgnore]
    public long Id { get; init; }

    /// <summary>对接网关名称 (unique).</summary>
    public required string Name { get; init; }

    /// <summary>对接网关注册密码</summary>
    public string Password { get; init; } = "";

    /// <summary>锁定类型 0:无锁定 3:全部锁定</summary>
    public GatewayLockType LockType { get; init; }

    /// <summary>权限类型 1:网内通话 2:本地市话 4:国内长途 5:国际长途</summary>
    public int CallLevel { get; init; } = 4;

    /// <summary>线路上限</summary>
    public int Capacity { get; init; }

    /// <summary>优先级</summary>
    public int Priority { get; init; }

    /// <summary>所属网关群组（逗号分隔多个群组 名称）</summary>
    public string GatewayGroups { get; init; } = "";

    /// <summary>true:允许使用落地群组 false:禁止使用落地群组</summary>
    public bool RoutingGatewayGroupsAllow { get; init; }

    /// <summary>限制的落地网关群组名称，空串表 示所有</summary>
    public string RoutingGatewayGroups { get; init; } = "";

    /// <summary>注册类型 0:静态 1:动态 3:IMS 边缘设备</summary>
    public GatewayRegisterType RegisterType { get; init; }

    /// <summary>对接网关 IP 地址列表（逗号分隔多 个 IP 地址）</summary>
    public string RemoteIps { get; init; } = "";

    /// <summary>true:检查主叫号码规范性 false:不检查主叫号码规范性</summary>
    public bool CallerE164CheckEnable { get; init; }

    /// <summary>true:允许主叫号码为城市号码 false:不允许主叫号码为城市号码</summary>
    public bool CallerE164CheckCity { get; init; } = true;

    /// <summary>true:允许主叫号码为移动号码 false:不允许主叫号码为移动号码</summary>
    public bool CallerE164CheckMobile { get; init; } = true;

    /// <summary>true:允许主叫号码为非城市号码与 非移动号码 false:不允许主叫号码为非城市号码 与非移动号码</summary>
    public bool CallerE164CheckOther { get; init; } = true;

    /// <summary>true:检查被叫号码规范性 false:不检查被叫号码规范性</summary>
    public bool CalleeE164CheckEnable { get; init; }

    /// <summary>true:允许被叫号码为城市号码 false:不允许被叫号码为城市号码</summary>
    public bool CalleeE164CheckCity { get; init; } = true;

    /// <summary>true:允许被叫号码为移动号码 false:不允许被叫号码为移动号码</summary>
    public bool CalleeE164CheckMobile { get; init; } = true;

    /// <summary>true:允许被叫号码为非城市号码与 非移动号码 false:不允许被叫号码为非城市号码 与非移动号码</summary>
    public bool CalleeE164CheckOther { get; init; } = true;

    /// <summary>WEB 查询密码</summary>
    public string CustomerPassword { get; init; } = "";

    /// <summary>媒体转发类型 0:自动 1:开启 2:关闭 3:必须开启</summary>
    public int RtpForwardType { get; init; }

    /// <summary>媒体中断检测（仅在通话进行了媒 体转发时有效） 0:不检测 1:检测是否有媒体报文传输给远端 2:检测是否收到来自远端的媒体报 文 3:检测远端与本地有双向的媒体报 文</summary>
    public int MediaCheckDirection { get; init; }

    /// <summary>被叫号码限制 0:不限制 1:限制被叫号码必须是平台存在的 话机号码 2:限制被叫号码必须不是平台存在 的话机号码</summary>
    public int CalleeE164Restrict { get; init; }

    /// <summary>大于 0:最长通话时间下限 -1: 使 用 系 统 参 数 值 （需 与 maxCallDurationUpper 保持一致） 0: 无 限 制 （ 需 与 maxCallDurationUpper 保持一致）</summary>
    public int MaxCallDurationLower { get; init; } = -1;

    /// <summary>大于 0:最长通话时间上限 -1: 使 用 系 统 参 数 值 （需 与 maxCallDurationLower 保持一致） 0: 无 限 制 （ 需 与 maxCallDurationLower 保持一致）</summary>
    public int MaxCallDurationUpper { get; init; } = -1;

    /// <summary>当主叫号码与平台话机号码匹配， 可使用话机号码的账户对呼叫进行 计费</summary>
    public bool AllowPhoneBilling { get; init; }

    /// <summary>当主叫号码与绑定号码匹配，可使 用绑定号码的账户对呼叫进行计费</summary>
    public bool AllowBindedE164Billing { get; init; }

    /// <summary>当主叫号码与平台话机号码匹配， 则主叫使用平台话机的配置进行后 续处理</summary>
    public bool EnablePhoneSetting { get; init; }

    /// <summary>true:允许 denySameCityCodes 设置 的区号进行同城呼叫 false:禁止 denySameCityCodes 设置 的区号进行同城呼叫</summary>
    public bool DenySameCityCodesAllow { get; init; }

    /// <summary>同城呼叫功能限制的城市区号列表 （使用逗号分隔多个区号）</summary>
    public string DenySameCityCodes { get; init; } = "";

    /// <summary>true:允许呼叫 checkMobileArea 设 置的区号对应城市的移动号码 false:禁止呼叫 checkMobileArea 设 置的区号对应城市的移动号码</summary>
    public bool CheckMobileAreaAllow { get; init; }

    /// <summary>移动号码呼叫功能限制的城市区号 列表（使用逗号分隔多个区号）</summary>
    public string CheckMobileArea { get; init; } = "";

    /// <summary>true:允许 calloutCalleePrefixes 设置 的前缀列表作为被叫号码前缀 false:禁止 calloutCalleePrefixes 设置 的前缀列表作为被叫号码前缀</summary>
    public bool CalloutCalleePrefixesAllow { get; init; }

    /// <summary>被叫号码限制功能中被叫号码前缀 列表（可使用逗号分隔）</summary>
    public string CalloutCalleePrefixes { get; init; } = "";

    /// <summary>true:允许 calloutCallerPrefixes 设置 的前缀列表作为主叫号码前缀 false:禁止 calloutCallerPrefixes 设置 的前缀列表作为主叫号码前缀</summary>
    public bool CalloutCallerPrefixesAllow { get; init; }

    /// <summary>主叫号码限制功能中主叫号码前缀 列表（可使用逗号分隔）</summary>
    public string CalloutCallerPrefixes { get; init; } = "";

    /// <summary>被叫拨号规则</summary>
    public string RewriteRulesOutCallee { get; init; } = "";

    /// <summary>主叫拨号规则</summary>
    public string RewriteRulesOutCaller { get; init; } = "";

    /// <summary>true:开启 rewriteRulesInMobileArea 所设置的区号对应城市的移动号码 添加区号 false:关闭 rewriteRulesInMobileArea 所设置的区号对应城市的移动号码 添加区号</summary>
    public bool RewriteRulesInMobileAreaAllow { get; init; }

    /// <summary>移动号码需添加区号的地区（可使 用逗号分隔）</summary>
    public string RewriteRulesInMobileArea { get; init; } = "";

    /// <summary>呼叫未振铃或接通允许的最长持续 时长（单位:秒） -1:使用系统参数设置值 0:无限制</summary>
    public int TimeoutCallProceeding { get; init; } = -1;

    /// <summary>SIP Response 信令的地址 0:回应至原始请求的地址 1:回应至原始请求的 IP，但端口使 用 Via 头部中标识的端口 2:回应至 Via 头部中标识的地址</summary>
    public int SipResponseAddressMethod { get; init; }

    /// <summary>SIP Request 信令的地址 0:请求至原始请求的地址 1:请求至原始请求的 IP，但端口使 用 Contact 头部中标识的端口 2:请求至Contact 头部中标识的地址</summary>
    public int SipRequestAddressMethod { get; init; }

    /// <summary>H323 协议，软交换发送 DTMF 方 式 0:自动 10:RFC2833 20:H.245 alphanumeric 30:H.245 signal 40:Q.931 keypad 60:关闭</summary>
    public int DtmfSendMethodH323 { get; init; }

    /// <summary>SIP 协议:软交换发送主叫DTMF 方 式 0:自动 10:RFC2833 50:SIP Info 60:关闭</summary>
    public int DtmfSendMethodSIP { get; init; }

    /// <summary>软交换接收主叫 DTMF 方式 0:所有 10:RFC2833 20:信令 30:关闭</summary>
    public int DtmfReceiveMethod { get; init; }

    /// <summary>Dtmf 为 RFC2833 在H323 协议时使 用的 Payload Type</summary>
    public int DtmfSendPayloadTypeH323 { get; init; } = 101;

    /// <summary>Dtmf为RFC2833 在 SIP 协议时使用 的 Payload Type</summary>
    public int DtmfSendPayloadTypeSIP { get; init; } = 101;

    /// <summary>Dtmf 为 RFC2833 软交换接收 Dtmf 信号使用的 Payload Type</summary>
    public int DtmfReceivePayloadType { get; init; } = 101;

    /// <summary>H323 协议中 Q931ProgressIndicator 的填写方式 -1:自动 0:关闭 1:ProgressNotEndToEndISDN 2:ProgressDestinationNonISDN 3:ProgressOriginNotISDN 4:ProgressReturnedToISDN 5:ProgressServiceChange 8:ProgressInbandInformationAvailabl e</summary>
    public int Q931ProgressIndicator { get; init; } = -1;

    /// <summary>对接网关的计费账户号码</summary>
    public string Account { get; init; } = "";

    /// <summary>将失败的终止原因转换为设定的 H323 终止原因，格式为&lt;原始终止 原因&gt;:&lt;目标终止原因&gt; 原始终止原因 0:其它 目标终止原因 0:不替换 大于0:请参考H323/SIP 协议通话中 断定义规范</summary>
    public string CallFailedQ931CauseValue { get; init; } = "";

    /// <summary>将失败的终止原因转换为设定的 SIP 终止原因，格式为&lt;原始终止原 因&gt;:&lt;目标终止原因&gt; 原始终止原因 0:其它 目标终止原因 0:不替换 大于0:请参考H323/SIP 协议通话中 断定义规范</summary>
    public string CallFailedSipCode { get; init; } = "";

    /// <summary>SIP 远端回铃信令 0:自动 1:183+SDP 2:180+SDP</summary>
    public int SipRemoteRingSignal { get; init; }

    /// <summary>SIP 被叫号码取得方式 0:从信令头部 To 中取得 1:从信令头部 Invite 中取得 2:从信令头部 Diversion 中取得</summary>
    public int SipCalleeE164Domain { get; init; }

    /// <summary>SIP 主叫号码取得方式 0:从信令头部 From 中取得 1:从信令头部 RemotePartId 中取得 2:从信令头部 Display 中取得 3:从信令头部 P-Asserted-Identity 中 取得 4:从信令头部 P-Preferred-Identity 中 取得</summary>
    public int SipCallerE164Domain { get; init; }

    /// <summary>H323 被叫号码取得方式 0:从信令 CalledPartyNumber 中取得 1:从信令 DestinationAddress 中取得</summary>
    public int H323CalleeE164Domain { get; init; }

    /// <summary>H323 主叫号码取得方式 0:从信令 CallingPartyNumber 中取 得 1:从信令 SourceAddress 中取得 2:从信令 Display 中取得</summary>
    public int H323CallerE164Domain { get; init; }

    /// <summary>备注信息</summary>
    public string Memo { get; init; } = "";

    /// <summary>SIP 呼叫认证方式 0:根据 IP 地址认证 1:根据 IP 地址与端口共同认证</summary>
    public int SipAuthenticationMethod { get; init; }

    /// <summary>true:启用 H323 的 fast start 功能 false:关闭 H323 的 fast start 功能</summary>
    public bool H323FastStart { get; init; } = true;

    /// <summary>true:启用H323 的 H245 tunneling 功 能 false:关闭 H323 的 H245 tunneling 功能</summary>
    public bool H323H245Tunneling { get; init; } = true;

    /// <summary>true:在 H323 的 Setup 信令中包含 H245 信令 false:在H323 的 Setup 信令中不包含 H245 信令</summary>
    public bool H323H245InSetup { get; init; }

    /// <summary>true:H323 协议收到呼叫请求后立即 回应 CallProceeding false:H323 协议收到呼叫后不立即 回应 CallProceeding</summary>
    public bool H323AutoCallProceeding { get; init; }

    /// <summary>主叫为 H323 协议被叫为 SIP 协议 时，被叫接收 Trying 信令对应的主 叫信令处理方式 true:转换为 CallProceeding 回应主 叫 false:不进行信令转换</summary>
    public bool H323CallProceedingFromSIPTrying { get; init; }

    /// <summary>主叫为 H323 协议被叫为 SIP 协议 时，被叫接收 183+SDP 回应时对应 的主叫处理方式 true:转换为 Alerting 回应主叫 false:转换为 CallProceeding 回应主 叫</summary>
    public bool H323AlertingFromSIP183Sdp { get; init; }

    /// <summary>true:H323 协议时支持 T38 信令 false:H323 协议时忽略 T38 信令</summary>
    public bool H323T38 { get; init; }

    /// <summary>true:支持 SIP Timer 协议（RFC4028） false:禁止 SIP Timer 协议</summary>
    public bool SipTimer { get; init; }

    /// <summary>true:支持 SIP 100rel 协议 false:禁止 SIP 100rel 协议</summary>
    public bool Sip100Rel { get; init; }

    /// <summary>true:支持 SIPT38 协议 false:禁止 SIPT38 协议</summary>
    public bool SipT38 { get; init; }

    /// <summary>true:识别 Privacy false:忽略 Privacy</summary>
    public bool SipPrivacySupport { get; init; }

    /// <summary>true:启用号码变换功能 false:关闭号码变换功能</summary>
    public bool GroupE164Change { get; init; }

    /// <summary>主叫号码允许的号码长度掩码 0:表示允许所有长度 1&lt;&lt;x:表示允许长度为 x 的号码（x 小于 32）</summary>
    public int CallerAllowLength { get; init; }

    /// <summary>被叫号码允许的号码长度掩码 0:表示允许所有长度 1&lt;&lt;x:表示允许长度为 x 的号码（x 小于 32）</summary>
    public int CalleeAllowLength { get; init; }

    /// <summary>true:允许 callerLimitE164Groups 所 设置的号码组作为主叫号码呼叫 false:禁止 callerLimitE164Groups 所 设置的号码组作为主叫号码呼叫</summary>
    public bool CallerLimitE164GroupsAllow { get; init; }

    /// <summary>主叫号码组列表（可使用逗号分隔）</summary>
    public string CallerLimitE164Groups { get; init; } = "";

    /// <summary>true:允许 calleeLimitE164Groups 所 设置的号码组作为被叫号码呼叫 false:禁止 calleeLimitE164Groups 所 设置的号码组作为被叫号码呼叫</summary>
    public bool CalleeLimitE164GroupsAllow { get; init; }

    /// <summary>被叫号码组列表（可使用逗号分隔）</summary>
    public string CalleeLimitE164Groups { get; init; } = "";

    /// <summary>是否开启最低利润率限制</summary>
    public bool MinProfitPercentEnable { get; init; }

    /// <summary>最低利润率限制若设置为 10 表示 利润率为 10% 取值范围-10000 至 10000</summary>
    public int MinProfitPercent { get; init; }

    /// <summary>最高秒费率限制 true:开启 false 关闭</summary>
    public bool MaxSecondRatesEnable { get; init; }

    /// <summary>最高秒费率值（若分钟费率为 0.6， 此值应该设置为 0.01）</summary>
    public double MaxSecondRates { get; init; }

    /// <summary>第一路由策略: 0:无 1:接通率 2:最小秒费率</summary>
    public int FirstRoutePolicy { get; init; }

    /// <summary>第二路由策略: 0:无 1:接通率 2:最小秒费率</summary>
    public int SecondRoutePolicy { get; init; }

    /// <summary>H323 G729 协商模式 0:自动 1:将 G729a 与 G729 当作 G729 协 商 2:将 G729a 与G729 当作 G729a 协 商 3:将 G729 或 G729 作为 G729 与 G729a 进行协商</summary>
    public int H323G729SendMode { get; init; }

    /// <summary>SIPG729 协商模式 0:自动 1:将 G729a 与 G729 当作 G729 协 商 2:将 G729a 与 G729 当作 G729a 协 商 3:将 G729 或 G729 作为 G729 与 G729a 进行协商</summary>
    public int SipG729SendMode { get; init; }

    /// <summary>G729 annexb 参数填写方式 0:自动 1:annex=yes 2:annex=no 3:无 annex 4:透传对端的 annex</summary>
    public int SipG729Annexb { get; init; }

    /// <summary>G723 annexa 参数填写方式 0:自动 1:annex=yes 2:annex=no 3:无 annex 4:透传对端的 annex</summary>
    public int SipG723Annexa { get; init; }

    /// <summary>true:限制 H323 音频/视频编码为 h323Codecs 设定值 false:软交换自动协商</summary>
    public bool H323CodecAssign { get; init; }

    /// <summary>H323 音频/视频列表</summary>
    public IReadOnlyList<string> H323Codecs { get; init; } = [];

    /// <summary>true: 限制 SIP 音频/ 视频编码 为 SIPCodecs 设定值 false:软交换自动协商</summary>
    public bool SipCodecAssign { get; init; }

    /// <summary>SIP 音频/视频列表</summary>
    public IReadOnlyList<string> SipCodecs { get; init; } = [];

    /// <summary>true:允许使用编码转换 false:不允许使用编码转换</summary>
    public bool AudioCodecTranscodingEnable { get; init; } = true;

    /// <summary>true:媒体包含带内(inband)DTMF false: 媒 体 不 包 含 带 内 (inband)DTMF</summary>
    public bool RtpIncludeDtmfInband { get; init; }

    /// <summary>true:需使用带内(inband)DTMF 发送 false: 不 额 外 使 用 带 内 (inband)DTMF 发送</summary>
    public bool RtpNeedDtmfInband { get; init; }

    /// <summary>true:开启呼叫前转信令拨号规则 false:关闭呼叫前转信令拨号规则</summary>
    public bool ForwardSignalRewriteE164GroupEnable { get; init; }

    /// <summary>呼叫前转信令改使用的号码群组名 称</summary>
    public string ForwardSignalRewriteE164Group { get; init; } = "";

    /// <summary>软交换名称</summary>
    public string SoftswitchName { get; init; } = "";

    /// <summary>LRN 查询 true:启用 false:禁用</summary>
    public bool LrnEnable { get; init; }

    /// <summary>LRN 查询时忽略被叫号码前缀的长 度</summary>
    public int LrnEatPrefixLength { get; init; }

    /// <summary>查询失败后的行为 0:拒绝此次呼叫 1:使用原有号码继续后续处理</summary>
    public int LrnFailureAction { get; init; }

    /// <summary>LRN 查询后非同地区计费前缀</summary>
    public string LrnInterstateBillingPrefix { get; init; } = "";

    /// <summary>LRN 查询后有一个或两个号码无法 获知其地区时的计费前缀</summary>
    public string LrnUndeterminedBillingPrefix { get; init; } = "";

    /// <summary>无法接通提示所使用的语言</summary>
    public string Language { get; init; } = "";

    /// <summary>录音 true:开启 false:关闭</summary>
    public bool MediaRecord { get; init; }

    /// <summary>独立模式下启用动态黑名单 true:开启 false:关闭</summary>
    public bool DynamicBlackListInStandalone { get; init; }

    /// <summary>实时计算路由质量 0：默认 1：开启 2：关闭</summary>
    public int CalculateRouteQuality { get; init; }

    /// <summary>按比例被叫添加路由前缀</summary>
    public IReadOnlyList<ProportionCalleePrefix> ProportionCalleePrefixs { get; init; } = [];
}
