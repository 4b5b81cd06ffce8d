namespace Softswitch.Core.Calls;

/// <summary>An illegal (state, trigger) pair that was refused and not applied, for the log (docs/architecture.md "State machines").</summary>
public sealed record RefusedTransition(long CallId, string SipCallId, CallState State, CallTrigger Trigger, DateTimeOffset At);
