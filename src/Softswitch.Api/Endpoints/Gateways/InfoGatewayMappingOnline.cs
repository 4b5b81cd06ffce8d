using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Serialization;
using Softswitch.Core.Gateways;

namespace Softswitch.Api.Endpoints.Gateways;

/// <summary>
/// InfoGatewayMappingOnline (001_… §3.15): the shared online fields (<see cref="InfoGatewayOnline"/>) and remoteIps.
/// A gateway online only through its traffic reports its configured remoteIps.
/// </summary>
public sealed record InfoGatewayMappingOnline : InfoGatewayOnline
{
    [SetsRequiredMembers]
    private InfoGatewayMappingOnline(GatewayOnline<MappingGateway> online, DateTimeOffset now)
        : base(online.Gateway, online.Presence, online.Statistics, now)
    {
        RemoteIps = online.Presence?.RemoteAddress ?? online.Gateway.RemoteIps;
    }

    [JsonPropertyOrder(80)]
    public required string RemoteIps { get; init; }

    public static InfoGatewayMappingOnline From(GatewayOnline<MappingGateway> online, DateTimeOffset now) => new(online, now);
}
