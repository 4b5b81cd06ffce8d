namespace Softswitch.Core.Gateways;

/// <summary>
/// The writable fields of a mapping gateway as CreateGatewayMapping (001_… §3.11) and ModifyGatewayMapping (§3.12)
/// carry them: null means "not given". Create applies them over the defaults of <see cref="MappingGateway"/>,
/// Modify over the stored gateway. Enumerations stay integers so an out-of-range value reaches validation. The
/// fields routing gateways have too are in <see cref="GatewayChanges"/>.
/// Not sealed: the API's request record adds the gateway name to it.
/// </summary>
public record MappingGatewayChanges : GatewayChanges
{
    /// <summary>权限类型 1:网内通话 2:本地市话 4:国内长途 5:国际长途</summary>
    public int? CallLevel { get; init; }

    /// <summary>true:允许使用落地群组 false:禁止使用落地群组</summary>
    public bool? RoutingGatewayGroupsAllow { get; init; }

    /// <summary>限制的落地网关群组名称，空串表 示所有</summary>
    public string? RoutingGatewayGroups { get; init; }

    /// <summary>对接网关 IP 地址列表（逗号分隔多 个 IP 地址）</summary>
    public string? RemoteIps { get; init; }

    /// <summary>当主叫号码与平台话机号码匹配， 可使用话机号码的账户对呼叫进行 计费</summary>
    public bool? AllowPhoneBilling { get; init; }

    /// <summary>当主叫号码与绑定号码匹配，可使 用绑定号码的账户对呼叫进行计费</summary>
    public bool? AllowBindedE164Billing { get; init; }

    /// <summary>当主叫号码与平台话机号码匹配， 则主叫使用平台话机的配置进行后 续处理</summary>
    public bool? EnablePhoneSetting { get; init; }

    /// <summary>true:允许 calloutCalleePrefixes 设置 的前缀列表作为被叫号码前缀 false:禁止 calloutCalleePrefixes 设置 的前缀列表作为被叫号码前缀</summary>
    public bool? CalloutCalleePrefixesAllow { get; init; }

    /// <summary>被叫号码限制功能中被叫号码前缀 列表（可使用逗号分隔）</summary>
    public string? CalloutCalleePrefixes { get; init; }

    /// <summary>true:允许 calloutCallerPrefixes 设置 的前缀列表作为主叫号码前缀 false:禁止 calloutCallerPrefixes 设置 的前缀列表作为主叫号码前缀</summary>
    public bool? CalloutCallerPrefixesAllow { get; init; }

    /// <summary>主叫号码限制功能中主叫号码前缀 列表（可使用逗号分隔）</summary>
    public string? CalloutCallerPrefixes { get; init; }

    /// <summary>被叫拨号规则</summary>
    public string? RewriteRulesOutCallee { get; init; }

    /// <summary>主叫拨号规则</summary>
    public string? RewriteRulesOutCaller { get; init; }

    /// <summary>呼叫未振铃或接通允许的最长持续 时长（单位:秒） -1:使用系统参数设置值 0:无限制</summary>
    public int? TimeoutCallProceeding { get; init; }

    /// <summary>H323 协议中 Q931ProgressIndicator 的填写方式 -1:自动 0:关闭 1:ProgressNotEndToEndISDN 2:ProgressDestinationNonISDN 3:ProgressOriginNotISDN 4:ProgressReturnedToISDN 5:ProgressServiceChange 8:ProgressInbandInformationAvailabl e</summary>
    public int? Q931ProgressIndicator { get; init; }

    /// <summary>对接网关的计费账户号码</summary>
    public string? Account { get; init; }

    /// <summary>将失败的终止原因转换为设定的 H323 终止原因，格式为&lt;原始终止 原因&gt;:&lt;目标终止原因&gt; 原始终止原因 0:其它 目标终止原因 0:不替换 大于0:请参考H323/SIP 协议通话中 断定义规范</summary>
    public string? CallFailedQ931CauseValue { get; init; }

    /// <summary>将失败的终止原因转换为设定的 SIP 终止原因，格式为&lt;原始终止原 因&gt;:&lt;目标终止原因&gt; 原始终止原因 0:其它 目标终止原因 0:不替换 大于0:请参考H323/SIP 协议通话中 断定义规范</summary>
    public string? CallFailedSipCode { get; init; }

    /// <summary>SIP 远端回铃信令 0:自动 1:183+SDP 2:180+SDP</summary>
    public int? SipRemoteRingSignal { get; init; }

    /// <summary>SIP 被叫号码取得方式 0:从信令头部 To 中取得 1:从信令头部 Invite 中取得 2:从信令头部 Diversion 中取得</summary>
    public int? SipCalleeE164Domain { get; init; }

    /// <summary>SIP 主叫号码取得方式 0:从信令头部 From 中取得 1:从信令头部 RemotePartId 中取得 2:从信令头部 Display 中取得 3:从信令头部 P-Asserted-Identity 中 取得 4:从信令头部 P-Preferred-Identity 中 取得</summary>
    public int? SipCallerE164Domain { get; init; }

    /// <summary>H323 被叫号码取得方式 0:从信令 CalledPartyNumber 中取得 1:从信令 DestinationAddress 中取得</summary>
    public int? H323CalleeE164Domain { get; init; }

    /// <summary>H323 主叫号码取得方式 0:从信令 CallingPartyNumber 中取 得 1:从信令 SourceAddress 中取得 2:从信令 Display 中取得</summary>
    public int? H323CallerE164Domain { get; init; }

    /// <summary>SIP 呼叫认证方式 0:根据 IP 地址认证 1:根据 IP 地址与端口共同认证</summary>
    public int? SipAuthenticationMethod { get; init; }

    /// <summary>true:H323 协议收到呼叫请求后立即 回应 CallProceeding false:H323 协议收到呼叫后不立即 回应 CallProceeding</summary>
    public bool? H323AutoCallProceeding { get; init; }

    /// <summary>主叫为 H323 协议被叫为 SIP 协议 时，被叫接收 Trying 信令对应的主 叫信令处理方式 true:转换为 CallProceeding 回应主 叫 false:不进行信令转换</summary>
    public bool? H323CallProceedingFromSIPTrying { get; init; }

    /// <summary>主叫为 H323 协议被叫为 SIP 协议 时，被叫接收 183+SDP 回应时对应 的主叫处理方式 true:转换为 Alerting 回应主叫 false:转换为 CallProceeding 回应主 叫</summary>
    public bool? H323AlertingFromSIP183Sdp { get; init; }

    /// <summary>true:识别 Privacy false:忽略 Privacy</summary>
    public bool? SipPrivacySupport { get; init; }

    /// <summary>第一路由策略: 0:无 1:接通率 2:最小秒费率</summary>
    public int? FirstRoutePolicy { get; init; }

    /// <summary>第二路由策略: 0:无 1:接通率 2:最小秒费率</summary>
    public int? SecondRoutePolicy { get; init; }

    /// <summary>LRN 查询 true:启用 false:禁用</summary>
    public bool? LrnEnable { get; init; }

    /// <summary>LRN 查询时忽略被叫号码前缀的长 度</summary>
    public int? LrnEatPrefixLength { get; init; }

    /// <summary>查询失败后的行为 0:拒绝此次呼叫 1:使用原有号码继续后续处理</summary>
    public int? LrnFailureAction { get; init; }

    /// <summary>LRN 查询后非同地区计费前缀</summary>
    public string? LrnInterstateBillingPrefix { get; init; }

    /// <summary>LRN 查询后有一个或两个号码无法 获知其地区时的计费前缀</summary>
    public string? LrnUndeterminedBillingPrefix { get; init; }

    /// <summary>无法接通提示所使用的语言</summary>
    public string? Language { get; init; }

    /// <summary>按比例被叫添加路由前缀</summary>
    public IReadOnlyList<ProportionCalleePrefix>? ProportionCalleePrefixs { get; init; }
}
