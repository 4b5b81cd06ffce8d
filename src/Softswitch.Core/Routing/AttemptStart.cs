namespace Softswitch.Core.Routing;

/// <summary>
/// What <see cref="CallRouter.BeginAttempt"/> answers just before an attempt is sent: the caller number to send (a
/// pool number when the gateway has a pool) and the lease to dispose when the attempt ends, or the reason it must not
/// be sent now (report it to <see cref="FailoverPolicy.Next"/> as <see cref="AttemptEnd.NotSent"/>).
/// </summary>
public sealed record AttemptStart(GatewayAttempt Attempt, string CallerNumber, CallerLease? Lease, RouteSkip? Skip)
{
    public bool IsReady => Skip is null;
}
