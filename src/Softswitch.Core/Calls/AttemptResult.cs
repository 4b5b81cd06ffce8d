namespace Softswitch.Core.Calls;

/// <summary>How one callee-side attempt of a call (one gateway, or the contacts of one phone) ended without answer.</summary>
public enum AttemptResult
{
    /// <summary>Every fork gave a final error response; <see cref="AttemptOutcome.SipStatus"/> is the one chosen.</summary>
    Rejected,

    /// <summary>No final response: timer B on every fork that did not reject (408).</summary>
    NoResponse,

    /// <summary>The INVITE could not be sent to any fork (503, RFC 3261 §8.1.3.1).</summary>
    TransportFailure,

    /// <summary>A set-up stage timer ran out (timeoutInvite, timeoutTrying, timeoutSessionProgress, timeoutRinging).</summary>
    SetupTimeout,
}
