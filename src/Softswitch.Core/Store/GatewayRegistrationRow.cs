using Softswitch.Core.Gateways;

namespace Softswitch.Core.Store;

/// <summary>One row of gateway_registrations (<see cref="RegistrationMigrations"/>), as Dapper reads and writes it.</summary>
internal sealed class GatewayRegistrationRow
{
    public const string Columns = "kind, name, remoteAddress, registeredAt, updatedAt, expiresAt, localAddress, natAddress, " +
        "cryptoType, contactUri, transport, sourceIp, sourcePort, callId, cseq";

    public const string Parameters = "@Kind, @Name, @RemoteAddress, @RegisteredAt, @UpdatedAt, @ExpiresAt, @LocalAddress, " +
        "@NatAddress, @CryptoType, @ContactUri, @Transport, @SourceIp, @SourcePort, @CallId, @CSeq";

    public long Kind { get; set; }

    public string Name { get; set; } = "";

    public string RemoteAddress { get; set; } = "";

    public long? RegisteredAt { get; set; }

    public long UpdatedAt { get; set; }

    public long ExpiresAt { get; set; }

    public string LocalAddress { get; set; } = "";

    public string? NatAddress { get; set; }

    public long CryptoType { get; set; }

    public string ContactUri { get; set; } = "";

    public string Transport { get; set; } = "";

    public string SourceIp { get; set; } = "";

    public long SourcePort { get; set; }

    public string CallId { get; set; } = "";

    public long CSeq { get; set; }

    /// <summary>Null for an entry without a binding: only registrations to the switch are stored.</summary>
    public static GatewayRegistrationRow? From(GatewayPresenceEntry e) => e.Binding is not { } b ? null : new()
    {
        Kind = (long)e.Kind,
        Name = e.Name,
        RemoteAddress = e.RemoteAddress,
        RegisteredAt = e.RegisteredAt?.ToUnixTimeMilliseconds(),
        UpdatedAt = e.UpdatedAt.ToUnixTimeMilliseconds(),
        ExpiresAt = e.ExpiresAt.ToUnixTimeMilliseconds(),
        LocalAddress = e.LocalAddress,
        NatAddress = e.NatAddress,
        CryptoType = e.CryptoType,
        ContactUri = b.ContactUri,
        Transport = b.Transport,
        SourceIp = b.SourceIp,
        SourcePort = b.SourcePort,
        CallId = b.CallId,
        CSeq = b.CSeq,
    };

    public GatewayPresenceEntry ToEntry() => new(
        (GatewayKind)Kind,
        Name,
        RemoteAddress,
        RegisteredAt is { } at ? DateTimeOffset.FromUnixTimeMilliseconds(at) : null,
        DateTimeOffset.FromUnixTimeMilliseconds(UpdatedAt),
        DateTimeOffset.FromUnixTimeMilliseconds(ExpiresAt))
    {
        LocalAddress = LocalAddress,
        NatAddress = NatAddress,
        CryptoType = (int)CryptoType,
        Binding = new GatewayBinding(ContactUri, Transport, SourceIp, (int)SourcePort, CallId, (uint)CSeq),
    };
}
