namespace Softswitch.Core.Routing;

/// <summary>
/// Who is calling, as the SIP layer established it before routing: <see cref="Name"/> is the phone's e164 for the
/// phone kinds and the mapping gateway's name for the gateway kinds. Build one with the factory methods, or get the
/// static kinds from <see cref="CallRouter.IdentifyTrunk"/>.
/// </summary>
public sealed record CallerIdentity(CallerKind Kind, string Name)
{
    public bool IsGateway => Kind is CallerKind.StaticGateway or CallerKind.DynamicGateway;

    /// <summary>A phone that answered the digest challenge.</summary>
    public static CallerIdentity Phone(string e164) => new(CallerKind.Phone, e164);

    /// <summary>A mapping gateway that registered (registerType 1) and answered the digest challenge.</summary>
    public static CallerIdentity DynamicGateway(string name) => new(CallerKind.DynamicGateway, name);
}
