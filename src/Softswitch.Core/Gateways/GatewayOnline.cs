namespace Softswitch.Core.Gateways;

/// <summary>
/// One line of GetGatewayMappingOnline / GetGatewayRoutingOnline (001_… §3.15, §3.20): the gateway, how the engine
/// sees it (null when it is online only because it carried traffic), and its live statistics (zeroes when it has
/// carried nothing since start).
/// </summary>
public sealed record GatewayOnline<TGateway>(TGateway Gateway, GatewayPresenceEntry? Presence, GatewayStatisticsSnapshot Statistics)
    where TGateway : class;
