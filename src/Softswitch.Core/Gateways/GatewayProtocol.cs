namespace Softswitch.Core.Gateways;

/// <summary>信令协议 of a routing gateway, 001_… §3.16 "protocol".</summary>
public enum GatewayProtocol
{
    H323 = 0,
    Sip = 1,
}
