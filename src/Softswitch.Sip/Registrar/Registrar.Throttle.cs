using System.Net;

namespace Softswitch.Sip.Registrar;

public sealed partial class Registrar
{
    /// <summary>
    /// Whether a request naming <paramref name="user"/> from <paramref name="source"/> is refused by the failure
    /// throttle before its credentials are looked at (docs/hardening.md "Authentication"): the name is blocked at
    /// that address, or the whole address is and the name is not registered from it — so one guesser behind a
    /// shared NAT never locks out the phones already registered there.
    /// </summary>
    /// <param name="user">The digest user name, else the request's own user (To of a REGISTER, From of an INVITE);
    /// null when it has neither.</param>
    internal bool IsThrottled(IPAddress source, string? user) =>
        (user is not null && _throttle.IsBlocked(source, user))
        || (_throttle.IsBlocked(source) && !(user is not null && IsRegisteredFrom(user, source)));

    /// <summary>Counts a failed authentication toward the name's count at the source and the source's ceiling.</summary>
    internal void RecordAuthFailure(IPAddress source, string? user) => _throttle.RecordFailure(source, user);

    /// <summary>Forgets the name's failures at the source (the source's ceiling keeps counting).</summary>
    internal void RecordAuthSuccess(IPAddress source, string user) => _throttle.RecordSuccess(source, user);

    /// <summary>Whether phone or registerType 1 gateway <paramref name="user"/> has a live registration from <paramref name="source"/>.</summary>
    private bool IsRegisteredFrom(string user, IPAddress source)
    {
        var now = _time.GetUtcNow();
        var address = Normalized(source);
        foreach (var binding in _registrations.Get(user, now))
        {
            if (IPAddress.TryParse(binding.SourceIp, out var ip) && Normalized(ip).Equals(address))
            {
                return true;
            }
        }
        return _gateways?.Find(user) is { } gateway
            && _gateways.CurrentOf(gateway, now)?.Binding is { } bound
            && IPAddress.TryParse(bound.SourceIp, out var gatewayIp) && Normalized(gatewayIp).Equals(address);
    }

    /// <summary>Dual-stack sockets report IPv4 peers as IPv4-mapped IPv6; both forms are one address.</summary>
    private static IPAddress Normalized(IPAddress address) => address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address;
}
