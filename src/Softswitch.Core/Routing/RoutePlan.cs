using Softswitch.Core.Billing;

namespace Softswitch.Core.Routing;

/// <summary>
/// How to carry a call (docs/routing.md): who pays, which mapping gateway it came in on, the numbers after the
/// inbound rules, and either <see cref="Phone"/> (fork to the callee phone's contacts) or <see cref="Attempts"/>
/// (routing gateways to try one after another, asking <see cref="FailoverPolicy.Next"/> after each failure).
/// </summary>
public sealed record RoutePlan
{
    /// <summary>Who pays (null when no account could be found: billing decides whether such a call may go on).</summary>
    public BillingOwner? Payer { get; init; }

    /// <summary>The mapping gateway the call came in on (InfoCdr callerGateway); null for a phone.</summary>
    public string? CallerGateway { get; init; }

    /// <summary>The calling phone's e164; null for a gateway (unless enablePhoneSetting matched a phone).</summary>
    public string? CallerPhone { get; init; }

    /// <summary>Caller number after the inbound rules (CDR callerE164).</summary>
    public required string CallerNumber { get; init; }

    /// <summary>Callee number after the inbound rules: what the routing index matched, tags included.</summary>
    public required string CalleeNumber { get; init; }

    /// <summary><see cref="CalleeNumber"/> without routing-tag letters: the number billing rates (vos-routing §2).</summary>
    public required string RatingCallee { get; init; }

    /// <summary>Set when the callee is a phone of the switch.</summary>
    public PhoneDelivery? Phone { get; init; }

    /// <summary>Routing gateways in the order to try them; empty when <see cref="Phone"/> is set.</summary>
    public IReadOnlyList<GatewayAttempt> Attempts { get; init; } = [];

    /// <summary>The caller side's duration cap (gateway maxCallDuration*, phone callDurationLimit, system value).</summary>
    public TimeSpan? MaxDuration { get; init; }

    /// <summary>At most this many attempts are sent (routing.maxAttempts).</summary>
    public required int MaxAttempts { get; init; }

    /// <summary>No new attempt starts after this instant (routing.setupDeadline after the INVITE arrived).</summary>
    public required DateTimeOffset Deadline { get; init; }

    /// <summary>Routing gateways passed over and why.</summary>
    public IReadOnlyList<SkippedGateway> Skipped { get; init; } = [];
}
