using Softswitch.Core.Calls;

namespace Softswitch.Core.Routing;

/// <summary>
/// What <see cref="FailoverPolicy.Next"/> says after a failed attempt: send <see cref="NextAttempt"/>, or end the
/// call with <see cref="Reason"/>. <see cref="Why"/> is a sentence for the call's log.
/// </summary>
public sealed record FailoverDecision(GatewayAttempt? NextAttempt, EndReason Reason, string Why)
{
    public bool TryNext => NextAttempt is not null;
}
