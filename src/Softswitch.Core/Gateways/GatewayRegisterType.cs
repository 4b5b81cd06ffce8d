namespace Softswitch.Core.Gateways;

/// <summary>
/// 注册类型 of a gateway (001_… §3.11, §3.16). Register (2, the softswitch registers to the carrier) exists for
/// routing gateways only.
/// </summary>
public enum GatewayRegisterType
{
    Static = 0,
    Dynamic = 1,
    Register = 2,
    ImsEdge = 3,
}
