using Softswitch.Core.Gateways;

namespace Softswitch.Api.Endpoints.Gateways;

/// <summary>
/// InfoGatewayRoutingOnline (001_… §3.20). The traffic figures (currentCall, asr, responseRatio, connectedRatio,
/// acd) come from the call model, which does not report per gateway yet, so they are 0.
/// </summary>
public sealed record InfoGatewayRoutingOnline
{
    public long Id { get; init; }
    public required string Name { get; init; }
    public required string Prefix { get; init; }
    public int CurrentCall { get; init; }
    public int Capacity { get; init; }
    public double Asr { get; init; }
    public double ResponseRatio { get; init; }
    public double ConnectedRatio { get; init; }
    public long Acd { get; init; }
    public required string RemoteIp { get; init; }
    public string? NatIp { get; init; }
    public required string LocalIp { get; init; }
    public long RegisterTime { get; init; }
    public long UpdateTime { get; init; }
    public long KeepTime { get; init; }
    public int CryptoType { get; init; }
    public string? RegisterName { get; init; }

    /// <summary>Remaining Retry-After block in ms (0 = none).</summary>
    public long RetryAfter { get; init; }
    public required string SoftswitchName { get; init; }
    public required string SoftswitchIp { get; init; }

    public static InfoGatewayRoutingOnline From(RoutingGateway g, GatewayPresenceEntry p, DateTimeOffset now) => new()
    {
        Id = g.Id,
        Name = g.Name,
        Prefix = g.Prefix,
        Capacity = g.Capacity,
        RemoteIp = p.RemoteAddress,
        NatIp = p.NatAddress,
        LocalIp = p.LocalAddress,
        RegisterTime = p.RegisteredAt?.ToUnixTimeMilliseconds() ?? 0,
        UpdateTime = p.RegisteredAt is null ? 0 : p.UpdatedAt.ToUnixTimeMilliseconds(),
        KeepTime = p.RegisteredAt is { } at ? (long)(now - at).TotalSeconds : 0,
        CryptoType = p.CryptoType,
        RegisterName = p.RegisterName,
        RetryAfter = p.RetryUntil is { } until && until > now ? (long)(until - now).TotalMilliseconds : 0,
        SoftswitchName = g.SoftswitchName,
        SoftswitchIp = p.LocalAddress,
    };
}
