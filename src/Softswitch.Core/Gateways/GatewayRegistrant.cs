namespace Softswitch.Core.Gateways;

/// <summary>
/// The registerType 1 gateways one digest user name stands for (docs/trunks.md "Gateways registering to the
/// switch"): the dynamic mapping gateway of that name, the dynamic routing gateway of that name, or both when they
/// share the password (one device sending and receiving calls registers once).
/// </summary>
/// <param name="Password">What the digest is checked against: the mapping gateway's password when it exists, else the routing gateway's.</param>
public sealed record GatewayRegistrant(string Name, string Password, MappingGateway? Mapping, RoutingGateway? Routing)
{
    /// <summary>Every gateway it stands for is locked (lockType 3, 全部锁定): its REGISTER is refused.</summary>
    public bool Locked => Mapping is not { LockType: not GatewayLockType.All } && Routing is not { LockType: not GatewayLockType.All };

    /// <summary>The tables a REGISTER binds it in: those of its gateways that are not locked.</summary>
    public IEnumerable<GatewayKind> BindableKinds
    {
        get
        {
            if (Mapping is { LockType: not GatewayLockType.All })
            {
                yield return GatewayKind.Mapping;
            }
            if (Routing is { LockType: not GatewayLockType.All })
            {
                yield return GatewayKind.Routing;
            }
        }
    }
}
