using Softswitch.Core.Management;

namespace Softswitch.Core.Gateways;

/// <summary>
/// The routing gateway of the demo (docs/simulation.md "The demo carrier"): prefix 9, terminal, the 9 stripped before
/// sending, towards the simulated carrier the host starts on loopback. Created when missing; on every start its
/// remoteIp and signalPort follow the carrier (which takes a free port each time), every other field is the
/// operator's. Idempotent like <see cref="Phones.DemoData"/>.
/// </summary>
public static class DemoCarrierGateway
{
    /// <summary>Name of the routing gateway and of the simulated carrier behind it.</summary>
    public const string Name = "demo-carrier";

    public const string Prefix = "9";

    /// <summary>Dial plan (docs/dial-plans.md): "9:" deletes the leading 9, so 9123 reaches the carrier as 123.</summary>
    public const string RewriteRulesInCallee = "9:";

    /// <summary>
    /// Makes the demo routing gateway point at <paramref name="ip"/>:<paramref name="port"/>, through the service so
    /// that memory and the store agree; says what it did. A refusal is a start-up fault (it would mean a broken store).
    /// </summary>
    public static async Task<DemoCarrierGatewayChange> EnsureAsync(RoutingGatewayService routing, string ip, int port,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(routing);
        if (routing.Find(Name) is { } existing)
        {
            if (existing.RemoteIp == ip && existing.SignalPort == port)
            {
                return DemoCarrierGatewayChange.Unchanged;
            }
            Check(await routing.ModifyAsync(Name, new RoutingGatewayChanges { RemoteIp = ip, SignalPort = port }, cancellationToken));
            return DemoCarrierGatewayChange.Repointed;
        }
        Check(await routing.CreateAsync(Name, new RoutingGatewayChanges
        {
            Prefix = Prefix,
            PrefixStyle = (int)GatewayPrefixStyle.Terminating,
            RewriteRulesInCallee = RewriteRulesInCallee,
            RemoteIp = ip,
            SignalPort = port,
            Memo = "demo: the simulated carrier demo-carrier (answers, echoes); docs/simulation.md",
        }, cancellationToken));
        return DemoCarrierGatewayChange.Created;
    }

    private static void Check(ServiceResult result)
    {
        if (!result.IsSuccess)
        {
            throw new InvalidOperationException($"Demo routing gateway {Name} could not be written: {result.Message}");
        }
    }
}
