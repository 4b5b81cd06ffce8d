namespace Softswitch.Core.Routing;

/// <summary>How one attempt ended without an answer.</summary>
public enum AttemptEnd
{
    /// <summary>A final 3xx-6xx response (<see cref="AttemptOutcome.Status"/>).</summary>
    FinalResponse = 0,

    /// <summary>One of the set-up timeouts fired (no response, no 18x, no answer in time); the switch cancelled it.</summary>
    Timeout = 1,

    /// <summary>The INVITE could not be sent, or the connection failed (RFC 3261 §8.1.3.1).</summary>
    TransportFailure = 2,

    /// <summary>Never sent: <see cref="CallRouter.BeginAttempt"/> skipped it (pool empty, gateway full now).</summary>
    NotSent = 3,

    /// <summary>The caller cancelled: nothing is tried after it.</summary>
    CallerCancelled = 4,

    /// <summary>No final response at all: timer B on every fork that did not reject (RFC 3261 §17.1.1.2, 408).</summary>
    NoResponse = 5,
}
