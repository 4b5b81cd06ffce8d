using Softswitch.Core.Gateways;

namespace Softswitch.Api.Endpoints.Gateways;

/// <summary>
/// InfoGatewayMappingOnline (001_… §3.15). currentCall, asr and acd come from the call model, which does not report
/// per gateway yet, so they are 0; registerTime/updateTime/keepTime are 0 for a static gateway, as the manual says.
/// </summary>
public sealed record InfoGatewayMappingOnline
{
    public long Id { get; init; }
    public required string Name { get; init; }
    public int CurrentCall { get; init; }
    public int Capacity { get; init; }
    public double Asr { get; init; }
    public long Acd { get; init; }
    public required string RemoteIps { get; init; }
    public string? NatIp { get; init; }
    public required string LocalIp { get; init; }
    public long RegisterTime { get; init; }
    public long UpdateTime { get; init; }
    public long KeepTime { get; init; }
    public int CryptoType { get; init; }
    public required string SoftswitchName { get; init; }
    public required string SoftswitchIp { get; init; }

    public static InfoGatewayMappingOnline From(MappingGateway g, GatewayPresenceEntry p, DateTimeOffset now) => new()
    {
        Id = g.Id,
        Name = g.Name,
        Capacity = g.Capacity,
        RemoteIps = p.RemoteAddress,
        NatIp = p.NatAddress,
        LocalIp = p.LocalAddress,
        RegisterTime = p.RegisteredAt?.ToUnixTimeMilliseconds() ?? 0,
        UpdateTime = p.RegisteredAt is null ? 0 : p.UpdatedAt.ToUnixTimeMilliseconds(),
        KeepTime = p.RegisteredAt is { } at ? (long)(now - at).TotalSeconds : 0,
        CryptoType = p.CryptoType,
        SoftswitchName = g.SoftswitchName,
        SoftswitchIp = p.LocalAddress,
    };
}
