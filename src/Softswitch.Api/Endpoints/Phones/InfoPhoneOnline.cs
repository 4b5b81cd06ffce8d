using Softswitch.Core.Phones;

namespace Softswitch.Api.Endpoints.Phones;

/// <summary>
/// InfoPhoneOnline (001_… §3.10). remoteIp is "ip:port" of the newest registration's source, since the manual
/// calls it the remote address and has no port field; localIp is empty until the transport reports which local
/// address took the registration.
/// </summary>
public sealed record InfoPhoneOnline
{
    public required string E164 { get; init; }
    public int CurrentCall { get; init; }
    public required string RemoteIp { get; init; }
    public required string LocalIp { get; init; }
    public long RegisterTime { get; init; }
    public long UpdateTime { get; init; }

    /// <summary>0:H323 1:SIP; this switch speaks SIP only.</summary>
    public int Protocol { get; init; } = 1;

    /// <summary>0:none 1:RC4; no signalling encryption is offered.</summary>
    public int CryptoType { get; init; }
    public required string ProductId { get; init; }

    public static InfoPhoneOnline From(PhoneOnlineStatus s) => new()
    {
        E164 = s.E164,
        CurrentCall = s.CurrentCall,
        RemoteIp = $"{s.RemoteIp}:{s.RemotePort}",
        LocalIp = s.LocalIp,
        RegisterTime = s.RegisterTime.ToUnixTimeMilliseconds(),
        UpdateTime = s.UpdateTime.ToUnixTimeMilliseconds(),
        ProductId = s.ProductId,
    };
}
