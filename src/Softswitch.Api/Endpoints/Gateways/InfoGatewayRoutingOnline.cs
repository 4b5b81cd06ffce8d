using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Serialization;
using Softswitch.Core.Gateways;

namespace Softswitch.Api.Endpoints.Gateways;

/// <summary>
/// InfoGatewayRoutingOnline (001_… §3.20): the shared online fields (<see cref="InfoGatewayOnline"/>) and the
/// routing gateway's own: prefix, responseRatio / connectedRatio in percent, remoteIp, registerName, retryAfter.
/// A gateway online only through its traffic reports its configured remoteIp:signalPort.
/// </summary>
public sealed record InfoGatewayRoutingOnline : InfoGatewayOnline
{
    [SetsRequiredMembers]
    private InfoGatewayRoutingOnline(GatewayOnline<RoutingGateway> online, DateTimeOffset now)
        : base(online.Gateway, online.Presence, online.Statistics, now)
    {
        var (g, p, statistics) = online;
        Prefix = g.Prefix;
        ResponseRatio = OnlineFigures.Percent(statistics.Window.ResponseRatio);
        ConnectedRatio = OnlineFigures.Percent(statistics.Window.ConnectedRatio);
        RemoteIp = p?.RemoteAddress ?? $"{g.RemoteIp}:{g.SignalPort}";
        RegisterName = p?.RegisterName;
        RetryAfter = p?.RetryUntil is { } until && until > now ? (long)(until - now).TotalMilliseconds : 0;
    }

    [JsonPropertyOrder(20)]
    public required string Prefix { get; init; }

    [JsonPropertyOrder(60)]
    public double ResponseRatio { get; init; }

    [JsonPropertyOrder(61)]
    public double ConnectedRatio { get; init; }

    [JsonPropertyOrder(80)]
    public required string RemoteIp { get; init; }

    [JsonPropertyOrder(150)]
    public string? RegisterName { get; init; }

    /// <summary>Remaining Retry-After block in ms (0 = none).</summary>
    [JsonPropertyOrder(151)]
    public long RetryAfter { get; init; }

    public static InfoGatewayRoutingOnline From(GatewayOnline<RoutingGateway> online, DateTimeOffset now) => new(online, now);
}
