namespace Softswitch.Core.Gateways;

/// <summary>
/// Registrations of registerType 1 gateways to the switch (001_… §3.11 "动态", §3.16; issue 11 "a dynamic mapping
/// gateway that REGISTERed with its name/password", "registerType 1 routing gateways register to the switch like
/// dynamic mapping gateways"). Core decides which gateways a digest user name stands for and keeps the bindings in
/// <see cref="GatewayPresence"/> (so the online reports list them); the SIP registrar does the wire work.
/// A management write that deletes such a gateway or changes its password, registerType or lock to 3 drops its
/// binding (<see cref="MappingGatewayService"/>, <see cref="RoutingGatewayService"/>).
/// </summary>
public sealed class GatewayRegistrations(GatewayState gateways, GatewayPresence presence)
{
    public GatewayPresence Presence => presence;

    /// <summary>
    /// The gateways a REGISTER (or an INVITE's digest) with user <paramref name="name"/> stands for; null when no
    /// registerType 1 gateway of that name has a password (an empty password cannot register: anyone who guessed
    /// the name could take the gateway's calls). A dynamic routing gateway joins a dynamic mapping gateway of the
    /// same name only with the same password; otherwise the mapping gateway's password governs and the routing
    /// gateway cannot register under that name.
    /// </summary>
    public GatewayRegistrant? Find(string name)
    {
        var mapping = gateways.FindMapping(name) is { RegisterType: GatewayRegisterType.Dynamic, Password.Length: > 0 } m ? m : null;
        var routing = gateways.FindRouting(name) is { RegisterType: GatewayRegisterType.Dynamic, Password.Length: > 0 } r
            && (mapping is null || string.Equals(r.Password, mapping.Password, StringComparison.Ordinal)) ? r : null;
        if (mapping is null && routing is null)
        {
            return null;
        }
        return new GatewayRegistrant(name, mapping?.Password ?? routing!.Password, mapping, routing);
    }

    /// <summary>
    /// The live entry of <paramref name="registrant"/>'s registration (the same binding in every table it is bound
    /// in), or null when it is not registered.
    /// </summary>
    public GatewayPresenceEntry? CurrentOf(GatewayRegistrant registrant, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(registrant);
        foreach (var kind in registrant.BindableKinds)
        {
            if (presence.Get(kind, registrant.Name, now) is { Binding: not null } entry)
            {
                return entry;
            }
        }
        return null;
    }

    /// <summary>
    /// Where routing gateway <paramref name="name"/> (registerType 1) currently lives, for sending it calls; null
    /// when it is not registered.
    /// </summary>
    public GatewayBinding? RoutingBinding(string name, DateTimeOffset now) =>
        presence.Get(GatewayKind.Routing, name, now)?.Binding;

    /// <summary>The dynamic mapping gateway registered from <paramref name="ip"/>:<paramref name="port"/>, or null.</summary>
    public string? MappingAt(string ip, int port, DateTimeOffset now) =>
        presence.FindBySource(GatewayKind.Mapping, ip, port, now)?.Name;

    /// <summary>
    /// Binds (or refreshes) <paramref name="registrant"/> in each table it is unlocked in. registerTime stays the
    /// first registration's while the binding holds; updateTime is now.
    /// </summary>
    /// <param name="localAddress">The switch address the gateway registered to ("ip:port", reported as localIp).</param>
    /// <param name="natAddress">The Contact's "host:port" when it differs from the source (natIp), else null.</param>
    public void Bind(GatewayRegistrant registrant, GatewayBinding binding, string localAddress, string? natAddress,
        DateTimeOffset now, DateTimeOffset expiresAt)
    {
        ArgumentNullException.ThrowIfNull(registrant);
        ArgumentNullException.ThrowIfNull(binding);
        foreach (var kind in registrant.BindableKinds)
        {
            var previous = presence.Get(kind, registrant.Name, now);
            var registeredAt = previous is { Binding: not null, RegisteredAt: { } at } ? at : now;
            presence.Upsert(new GatewayPresenceEntry(kind, registrant.Name, binding.SourceIp + ":" + binding.SourcePort, registeredAt, now, expiresAt)
            {
                LocalAddress = localAddress,
                NatAddress = natAddress,
                Binding = binding,
            });
        }
    }

    /// <summary>Removes <paramref name="registrant"/>'s bindings (an un-REGISTER); false when it had none.</summary>
    public bool Unbind(GatewayRegistrant registrant)
    {
        ArgumentNullException.ThrowIfNull(registrant);
        bool mapping = registrant.Mapping is not null && presence.RemoveBinding(GatewayKind.Mapping, registrant.Name);
        bool routing = registrant.Routing is not null && presence.RemoveBinding(GatewayKind.Routing, registrant.Name);
        return mapping || routing;
    }
}
