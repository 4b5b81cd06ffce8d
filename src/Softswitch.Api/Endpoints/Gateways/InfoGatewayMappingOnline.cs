using Softswitch.Core.Gateways;

namespace Softswitch.Api.Endpoints.Gateways;

/// <summary>
/// InfoGatewayMappingOnline (001_… §3.15). currentCall, asr (percent) and acd (seconds) are the gateway's live
/// statistics over the sliding window (docs/gateway-statistics.md); registerTime/updateTime/keepTime are 0 for a
/// static gateway, as the manual says. A gateway online only through its traffic reports its configured remoteIps
/// and no local address.
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

    public static InfoGatewayMappingOnline From(GatewayOnline<MappingGateway> online, DateTimeOffset now)
    {
        var (g, p, statistics) = online;
        return new()
        {
            Id = g.Id,
            Name = g.Name,
            CurrentCall = statistics.CurrentCalls,
            Capacity = g.Capacity,
            Asr = OnlineFigures.Percent(statistics.Window.Asr),
            Acd = OnlineFigures.Seconds(statistics.Window.Acd),
            RemoteIps = p?.RemoteAddress ?? g.RemoteIps,
            NatIp = p?.NatAddress,
            LocalIp = p?.LocalAddress ?? "",
            RegisterTime = OnlineFigures.RegisterTime(p),
            UpdateTime = OnlineFigures.UpdateTime(p),
            KeepTime = OnlineFigures.KeepTime(p, now),
            CryptoType = p?.CryptoType ?? 0,
            SoftswitchName = g.SoftswitchName,
            SoftswitchIp = p?.LocalAddress ?? "",
        };
    }
}
