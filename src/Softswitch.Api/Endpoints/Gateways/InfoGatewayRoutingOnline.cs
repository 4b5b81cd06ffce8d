using Softswitch.Core.Gateways;

namespace Softswitch.Api.Endpoints.Gateways;

/// <summary>
/// InfoGatewayRoutingOnline (001_… §3.20). The traffic figures are the gateway's live statistics over the sliding
/// window (docs/gateway-statistics.md): currentCall, asr / responseRatio / connectedRatio in percent, acd in seconds.
/// A gateway online only through its traffic reports its configured remoteIp:signalPort and no local address.
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

    public static InfoGatewayRoutingOnline From(GatewayOnline<RoutingGateway> online, DateTimeOffset now)
    {
        var (g, p, statistics) = online;
        return new()
        {
            Id = g.Id,
            Name = g.Name,
            Prefix = g.Prefix,
            CurrentCall = statistics.CurrentCalls,
            Capacity = g.Capacity,
            Asr = OnlineFigures.Percent(statistics.Window.Asr),
            ResponseRatio = OnlineFigures.Percent(statistics.Window.ResponseRatio),
            ConnectedRatio = OnlineFigures.Percent(statistics.Window.ConnectedRatio),
            Acd = OnlineFigures.Seconds(statistics.Window.Acd),
            RemoteIp = p?.RemoteAddress ?? $"{g.RemoteIp}:{g.SignalPort}",
            NatIp = p?.NatAddress,
            LocalIp = p?.LocalAddress ?? "",
            RegisterTime = OnlineFigures.RegisterTime(p),
            UpdateTime = OnlineFigures.UpdateTime(p),
            KeepTime = OnlineFigures.KeepTime(p, now),
            CryptoType = p?.CryptoType ?? 0,
            RegisterName = p?.RegisterName,
            RetryAfter = p?.RetryUntil is { } until && until > now ? (long)(until - now).TotalMilliseconds : 0,
            SoftswitchName = g.SoftswitchName,
            SoftswitchIp = p?.LocalAddress ?? "",
        };
    }
}
