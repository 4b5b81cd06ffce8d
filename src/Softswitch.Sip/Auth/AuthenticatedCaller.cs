using Softswitch.Core.Gateways;
using Softswitch.Core.Phones;

namespace Softswitch.Sip.Auth;

/// <summary>
/// Who a request's digest proved the sender to be: a phone (by its e164) or a dynamic mapping gateway (registerType 1,
/// by its name). These are the "who is calling" facts the router gets for a challenged caller; a static mapping
/// gateway is identified by its address instead and never reaches the digest.
/// </summary>
public sealed record AuthenticatedCaller
{
    private AuthenticatedCaller(PhoneCredentials? phone, MappingGateway? gateway)
    {
        Phone = phone;
        Gateway = gateway;
    }

    /// <summary>The phone, when a phone authenticated.</summary>
    public PhoneCredentials? Phone { get; }

    /// <summary>The dynamic mapping gateway, when a gateway authenticated.</summary>
    public MappingGateway? Gateway { get; }

    /// <summary>The digest user name: the phone's e164 or the gateway's name.</summary>
    public string Name => Phone?.E164 ?? Gateway!.Name;

    /// <summary>Mapping for a gateway, null for a phone.</summary>
    public GatewayKind? GatewayKind => Gateway is null ? null : Core.Gateways.GatewayKind.Mapping;

    public static AuthenticatedCaller OfPhone(PhoneCredentials phone) => new(phone ?? throw new ArgumentNullException(nameof(phone)), null);

    public static AuthenticatedCaller OfGateway(MappingGateway gateway) => new(null, gateway ?? throw new ArgumentNullException(nameof(gateway)));
}
