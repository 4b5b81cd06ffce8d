using Softswitch.Core.Calls;
using Softswitch.Core.Routing;

namespace Softswitch.Sip.B2bua;

/// <summary>
/// Where a call's next attempt comes from once every leg of the current one failed (gateway failover, vos-routing §3).
/// One per call: the routing plan's remaining candidates and the failover policy that reads each
/// <see cref="AttemptOutcome"/>. The B2BUA carries attempts out and decides nothing about them.
/// </summary>
internal interface IAttemptSource
{
    /// <summary>The attempt to try after <paramref name="failed"/>, or null to fail the call (<see cref="StopReason"/>).</summary>
    CallAttempt? Next(AttemptOutcome failed);

    /// <summary>Why no attempt follows, once <see cref="Next"/> said null; null: the failed attempt's own reason.</summary>
    EndReason? StopReason => null;
}
