using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Serialization;
using Softswitch.Core.Gateways;

namespace Softswitch.Api.Endpoints.Gateways;

/// <summary>
/// The fields InfoGatewayMappingOnline (001_… §3.15) and InfoGatewayRoutingOnline (§3.20) share, filled once from the
/// gateway, how the engine sees it and its live statistics over the sliding window (docs/gateway-statistics.md):
/// currentCall, asr in percent, acd in seconds; registerTime/updateTime/keepTime are 0 for a static gateway, as the
/// manual says. A gateway online only through its traffic reports no local address. The JsonPropertyOrder values
/// leave gaps where each kind's own fields stand, so both answers keep the manual's field order.
/// </summary>
public abstract record InfoGatewayOnline
{
    [SetsRequiredMembers]
    private protected InfoGatewayOnline(Gateway g, GatewayPresenceEntry? p, GatewayStatisticsSnapshot statistics, DateTimeOffset now)
    {
        Id = g.Id;
        Name = g.Name;
        CurrentCall = statistics.CurrentCalls;
        Capacity = g.Capacity;
        Asr = OnlineFigures.Percent(statistics.Window.Asr);
        Acd = OnlineFigures.Seconds(statistics.Window.Acd);
        NatIp = p?.NatAddress;
        LocalIp = p?.LocalAddress ?? "";
        RegisterTime = OnlineFigures.RegisterTime(p);
        UpdateTime = OnlineFigures.UpdateTime(p);
        KeepTime = OnlineFigures.KeepTime(p, now);
        CryptoType = p?.CryptoType ?? 0;
        SoftswitchName = g.SoftswitchName;
        SoftswitchIp = p?.LocalAddress ?? "";
    }

    [JsonPropertyOrder(0)]
    public long Id { get; init; }

    [JsonPropertyOrder(10)]
    public required string Name { get; init; }

    [JsonPropertyOrder(30)]
    public int CurrentCall { get; init; }

    [JsonPropertyOrder(40)]
    public int Capacity { get; init; }

    [JsonPropertyOrder(50)]
    public double Asr { get; init; }

    [JsonPropertyOrder(70)]
    public long Acd { get; init; }

    [JsonPropertyOrder(90)]
    public string? NatIp { get; init; }

    [JsonPropertyOrder(100)]
    public required string LocalIp { get; init; }

    [JsonPropertyOrder(110)]
    public long RegisterTime { get; init; }

    [JsonPropertyOrder(120)]
    public long UpdateTime { get; init; }

    [JsonPropertyOrder(130)]
    public long KeepTime { get; init; }

    [JsonPropertyOrder(140)]
    public int CryptoType { get; init; }

    [JsonPropertyOrder(160)]
    public required string SoftswitchName { get; init; }

    [JsonPropertyOrder(170)]
    public required string SoftswitchIp { get; init; }
}
