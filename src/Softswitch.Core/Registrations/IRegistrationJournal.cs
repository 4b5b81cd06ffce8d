using Softswitch.Core.Gateways;

namespace Softswitch.Core.Registrations;

/// <summary>
/// Told of every change to the registration tables (<see cref="RegistrationTable"/> for phones,
/// <see cref="GatewayPresence"/> for registerType 1 gateways), in the order the tables applied them: each table calls
/// it under its own lock, so an implementation must only note the change and return (no I/O, no waiting) — the SIP
/// path that made the change is waiting on that lock.
/// </summary>
public interface IRegistrationJournal
{
    /// <summary>A phone binding was added or refreshed.</summary>
    void PhoneBound(RegistrationBinding binding);

    /// <summary>A phone binding was removed (un-REGISTER, replaced, expired, phone deleted).</summary>
    void PhoneUnbound(string e164, string contactUri);

    /// <summary>A gateway registered to the switch or refreshed its registration (the entry has a binding).</summary>
    void GatewayBound(GatewayPresenceEntry entry);

    /// <summary>A gateway's registration to the switch ended (un-REGISTER, lapsed, replaced by a non-registration entry).</summary>
    void GatewayUnbound(GatewayKind kind, string name);
}
