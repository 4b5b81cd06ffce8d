using System.Text.Json.Serialization;

namespace Softswitch.Core.Gateways;

/// <summary>
/// The fields a mapping gateway (对接网关, 001_… §3.11/§3.13) and a routing gateway (落地网关, §3.16/§3.19) both have,
/// with the same name, type, meaning and default: identity, lock, capacity, number checks, call-duration cap, media
/// and DTMF options, codecs, limit-number groups, rate limits. Each kind adds its own fields (<see cref="MappingGateway"/>,
/// <see cref="RoutingGateway"/>); timeoutCallProceeding is not here because it means different things in the two
/// (§3.11 seconds before ringing, -1 default; §3.16 the H.323 CallProceeding timeout, 0 default). The JSON order of a
/// gateway's fields is its kind's, not this declaration's (<see cref="GatewayJsonOrder"/>).
/// </summary>
public abstract record Gateway
{
    /// <summary>Row id, reported as InfoGatewayMappingOnline.id / InfoGatewayRoutingOnline.id (§3.15, §3.20); not part of InfoGatewayMapping / InfoGatewayRouting.</summary>
    [JsonIgnore]
    public long Id { get; init; }

    /// <summary>网关名称 (unique within its kind).</summary>
    public required string Name { get; init; }

    /// <summary>网关注册密码</summary>
    public string Password { get; init; } = "";

    /// <summary>锁定类型 0:无锁定 3:全部锁定</summary>
    public GatewayLockType LockType { get; init; }

    /// <summary>线路上限</summary>
    public int Capacity { get; init; }

    /// <summary>优先级</summary>
    public int Priority { get; init; }

    /// <summary>所属网关群组（逗号分隔多个群组 名称）</summary>
    public string GatewayGroups { get; init; } = "";

    /// <summary>注册类型 0:静态 1:动态 2:注册（向其他平台进行注册，仅落地网关） 3:IMS 边缘设备</summary>
    public GatewayRegisterType RegisterType { get; init; }

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

    /// <summary>网关 web 查询密码</summary>
    public string CustomerPassword { get; init; } = "";

    /// <summary>媒体转发类型 0:自动 1:开启 2:关闭 3:必须开启</summary>
    public int RtpForwardType { get; init; }

    /// <summary>
    /// Softswitch extension, not in the manual: which sources the RTP relay takes this gateway's media from —
    /// 0 the switch's rtp.sourceCheck, 1 latch (NAT), 2 strict (the SDP's address and port only); docs/hardening.md.
    /// </summary>
    public int RtpSourceCheck { get; init; }

    /// <summary>媒体中断检测（仅在通话进行了媒 体转发时有效） 0:不检测 1:检测是否有媒体报文传输给远端 2:检测是否收到来自远端的媒体报 文 3:检测远端与本地有双向的媒体报 文</summary>
    public int MediaCheckDirection { get; init; }

    /// <summary>被叫号码限制 0:不限制 1:限制被叫号码必须是平台存在的 话机号码 2:限制被叫号码必须不是平台存在 的话机号码</summary>
    public int CalleeE164Restrict { get; init; }

    /// <summary>大于 0:最长通话时间下限 -1: 使 用 系 统 参 数 值 （需 与 maxCallDurationUpper 保持一致） 0: 无 限 制 （ 需 与 maxCallDurationUpper 保持一致）</summary>
    public int MaxCallDurationLower { get; init; } = -1;

    /// <summary>大于 0:最长通话时间上限 -1: 使 用 系 统 参 数 值 （需 与 maxCallDurationLower 保持一致） 0: 无 限 制 （ 需 与 maxCallDurationLower 保持一致）</summary>
    public int MaxCallDurationUpper { get; init; } = -1;

    /// <summary>true:允许 denySameCityCodes 设置 的区号进行同城呼叫 false:禁止 denySameCityCodes 设置 的区号进行同城呼叫</summary>
    public bool DenySameCityCodesAllow { get; init; }

    /// <summary>同城呼叫功能限制的城市区号列表 （使用逗号分隔多个区号）</summary>
    public string DenySameCityCodes { get; init; } = "";

    /// <summary>true:允许呼叫 checkMobileArea 设 置的区号对应城市的移动号码 false:禁止呼叫 checkMobileArea 设 置的区号对应城市的移动号码</summary>
    public bool CheckMobileAreaAllow { get; init; }

    /// <summary>移动号码呼叫功能限制的城市区号 列表（使用逗号分隔多个区号）</summary>
    public string CheckMobileArea { get; init; } = "";

    /// <summary>true:开启 rewriteRulesInMobileArea 所设置的区号对应城市的移动号码 添加区号 false:关闭 rewriteRulesInMobileArea 所设置的区号对应城市的移动号码 添加区号</summary>
    public bool RewriteRulesInMobileAreaAllow { get; init; }

    /// <summary>移动号码需添加区号的地区（可使 用逗号分隔）</summary>
    public string RewriteRulesInMobileArea { get; init; } = "";

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

    /// <summary>备注</summary>
    public string Memo { get; init; } = "";

    /// <summary>true:启用 H323 的 fast start 功能 false:关闭 H323 的 fast start 功能</summary>
    public bool H323FastStart { get; init; } = true;

    /// <summary>true:启用H323 的 H245 tunneling 功 能 false:关闭 H323 的 H245 tunneling 功能</summary>
    public bool H323H245Tunneling { get; init; } = true;

    /// <summary>true:在 H323 的 Setup 信令中包含 H245 信令 false:在H323 的 Setup 信令中不包含 H245 信令</summary>
    public bool H323H245InSetup { get; init; }

    /// <summary>true:H323 协议时支持 T38 信令 false:H323 协议时忽略 T38 信令</summary>
    public bool H323T38 { get; init; }

    /// <summary>true:支持 SIP Timer 协议（RFC4028） false:禁止 SIP Timer 协议</summary>
    public bool SipTimer { get; init; }

    /// <summary>true:支持 SIP 100rel 协议 false:禁止 SIP 100rel 协议</summary>
    public bool Sip100Rel { get; init; }

    /// <summary>true:支持 SIPT38 协议 false:禁止 SIPT38 协议</summary>
    public bool SipT38 { get; init; }

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

    /// <summary>录音 true:开启 false:关闭</summary>
    public bool MediaRecord { get; init; }

    /// <summary>独立模式下启用动态黑名单 true:开启 false:关闭</summary>
    public bool DynamicBlackListInStandalone { get; init; }

    /// <summary>实时计算路由质量 0：默认 1：开启 2：关闭</summary>
    public int CalculateRouteQuality { get; init; }
}
