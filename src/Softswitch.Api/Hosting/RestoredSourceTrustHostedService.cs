using System.Net;
using Softswitch.Core.Gateways;
using Softswitch.Core.Registrations;
using Softswitch.Sip.Messages;

namespace Softswitch.Api.Hosting;

/// <summary>
/// Once the SIP engine listens (it is registered after <see cref="SipHostedService"/>), trusts the source of every
/// registration restored from the store as the engine trusts the source of a REGISTER it accepted, so a restart does
/// not put restored phones and gateways under the unauthenticated per-source limit until they next refresh
/// (docs/hardening.md "The per-source limit on unregistered sources").
/// </summary>
internal sealed class RestoredSourceTrustHostedService(
    SipHostedService sip,
    RegistrationTable phones,
    GatewayPresence gateways,
    TimeProvider time) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var limiter = sip.Engine.Unauthenticated;
        var sources = phones.Snapshot(now).SelectMany(p => p.Bindings).Select(b => (b.Transport, b.SourceIp, b.SourcePort))
            .Concat(new[] { GatewayKind.Mapping, GatewayKind.Routing }.SelectMany(kind => gateways.Snapshot(kind, now))
                .Select(e => e.Binding).OfType<GatewayBinding>().Select(b => (b.Transport, b.SourceIp, b.SourcePort)));
        foreach (var (transport, ip, port) in sources.Distinct())
        {
            if (Enum.TryParse<SipTransportKind>(transport, ignoreCase: true, out var kind) && IPAddress.TryParse(ip, out var address)
                && port is > 0 and <= IPEndPoint.MaxPort)
            {
                limiter.TrustRegistered(new SipEndPoint(kind, new IPEndPoint(address, port)));
            }
        }
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
