using Softswitch.Core.Gateways;
using Softswitch.Core.Routing;
using Softswitch.Sip.Messages;

namespace Softswitch.Sip.B2bua;

/// <summary>
/// One attempt of a call on the callee side: the INVITEs sent at once (parallel forks to the contacts of a phone, or
/// one routing gateway), with the numbers as that destination must see them. Attempts run one after the other.
/// </summary>
internal sealed record CallAttempt
{
    /// <summary>The Request-URI and where each fork's INVITE goes; at least one.</summary>
    public required IReadOnlyList<(SipUri Contact, SipEndPoint Destination)> Targets { get; init; }

    /// <summary>The routing gateway (落地网关) for the CDR's calleeGateway; null for a phone of this switch.</summary>
    public string? Gateway { get; init; }

    /// <summary>From of the INVITEs (rewritten caller number); the call's <see cref="CallParties.CalleeSideFrom"/> when null.</summary>
    public NameAddress? From { get; init; }

    /// <summary>To of the INVITEs (rewritten callee number); the call's <see cref="CallParties.CalleeSideTo"/> when null.</summary>
    public NameAddress? To { get; init; }

    /// <summary>The routing-gateway attempt of the plan this carries out (timeouts, identity, codecs, credentials); null for a phone.</summary>
    public GatewayAttempt? Plan { get; init; }

    /// <summary>The call's duration cap if this attempt is answered; null = only the system's calls.maxCallDurationSeconds.</summary>
    public TimeSpan? MaxDuration { get; init; }

    /// <summary>The gateway's live statistics for this attempt (001_… §3.15 online figures); null for a phone.</summary>
    public GatewayCallTicket? Ticket { get; init; }

    /// <summary>The caller-pool number this attempt holds; disposed when the attempt fails or the call ends.</summary>
    public CallerLease? Lease { get; init; }
}
