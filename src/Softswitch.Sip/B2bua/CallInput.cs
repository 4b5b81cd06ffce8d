using Softswitch.Core.Routing;
using Softswitch.Core.Calls;
using Softswitch.Sip.Messages;

namespace Softswitch.Sip.B2bua;

/// <summary>What an event carries into its handler: the leg it concerns, the message that caused it, the ending.</summary>
internal readonly record struct CallInput
{
    public CalleeLeg? Leg { get; init; }

    public SipResponse? Response { get; init; }

    /// <summary>The request that caused the event (a BYE whose Max-Forwards the BYE sent on carries down, an ACK).</summary>
    public SipRequest? Request { get; init; }

    /// <summary>The final status for the caller when the event ends the call before answer.</summary>
    public int Status { get; init; }

    public EndReason Reason { get; init; }

    /// <summary>The attempt to start (AttemptStarted).</summary>
    public CallAttempt? Attempt { get; init; }

    /// <summary>The attempt that just failed (AttemptFailed).</summary>
    public AttemptOutcome? Outcome { get; init; }
}
