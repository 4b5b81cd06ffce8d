namespace Softswitch.Core.Routing;

/// <summary>
/// How the switch knows who is calling (issue 11 "Inbound"): a phone that passed digest authentication, a phone
/// with a static address (InfoPhoneAdditional registerType 0, no REGISTER), or a mapping gateway (对接网关), static
/// (recognised by its source address, registerType 0) or dynamic (registered with its name and password, 1).
/// </summary>
public enum CallerKind
{
    Phone = 0,
    StaticPhone = 1,
    StaticGateway = 2,
    DynamicGateway = 3,
}
