namespace Softswitch.Core.Phones;

/// <summary>
/// What GetPhoneOnline reports for one registered phone (InfoPhoneOnline, 001_… §3.10), taken from its live
/// registration bindings: the most recent binding gives the address and device, the oldest the register time.
/// </summary>
public sealed record PhoneOnlineStatus(
    string E164,
    int CurrentCall,
    string RemoteIp,
    int RemotePort,
    string LocalIp,
    DateTimeOffset RegisterTime,
    DateTimeOffset UpdateTime,
    string Transport,
    string ProductId);
