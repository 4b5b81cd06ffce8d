namespace Softswitch.Core.Gateways;

/// <summary>
/// One gateway the SIP engine currently sees (001_… §3.15 InfoGatewayMappingOnline, §3.20 InfoGatewayRoutingOnline).
/// Core knows no SIP wire format: addresses are kept as "ip:port" text as the transport saw them.
/// </summary>
/// <param name="RegisteredAt">When it registered; null for a static gateway (reported as registerTime 0).</param>
/// <param name="UpdatedAt">Last registration refresh or last traffic seen.</param>
/// <param name="ExpiresAt">When the entry lapses unless refreshed (registration expiry, or the traffic window).</param>
public sealed record GatewayPresenceEntry(
    GatewayKind Kind,
    string Name,
    string RemoteAddress,
    DateTimeOffset? RegisteredAt,
    DateTimeOffset UpdatedAt,
    DateTimeOffset ExpiresAt)
{
    /// <summary>Local address the gateway registered to / was seen on (localIp).</summary>
    public string LocalAddress { get; init; } = "";

    /// <summary>Address inside the gateway's NAT (Contact host) when it differs from the source (natIp).</summary>
    public string? NatAddress { get; init; }

    /// <summary>The identity used to register to the carrier, for registerType 2 routing gateways (registerName).</summary>
    public string? RegisterName { get; init; }

    /// <summary>Until when the carrier asked us not to send calls (Retry-After, §3.20 retryAfter); null = none.</summary>
    public DateTimeOffset? RetryUntil { get; init; }

    /// <summary>
    /// Set when the gateway registered to the switch (registerType 1): its contact and source. Null for a static
    /// gateway seen by its traffic and for a registerType 2 gateway the switch registered to.
    /// </summary>
    public GatewayBinding? Binding { get; init; }

    /// <summary>cryptoType 0:none 1:RC4.</summary>
    public int CryptoType { get; init; }
}
