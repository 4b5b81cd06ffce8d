namespace Softswitch.Core.Gateways;

/// <summary>
/// 锁定类型 of a gateway. The create/modify tables (001_… §3.11, §3.16) list 0 and 3, InfoGatewayMapping (§3.13)
/// lists all four; all four are accepted so what Get reports can be written back.
/// </summary>
public enum GatewayLockType
{
    None = 0,
    CallOut = 1,
    CallIn = 2,
    All = 3,
}
