namespace Softswitch.Core.Gateways;

/// <summary>
/// 前缀匹配方式 of a routing gateway, 001_… §3.16 "prefixStyle": whether a matching prefix ends the route search
/// (终结模式) or lets longer-prefix gateways compete too (延续模式).
/// </summary>
public enum GatewayPrefixStyle
{
    Terminating = 0,
    Continuing = 1,
}
