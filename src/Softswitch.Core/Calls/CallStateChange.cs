namespace Softswitch.Core.Calls;

/// <summary>One entry of a call's history: the state entered, the trigger that caused it, and when.</summary>
public readonly record struct CallStateChange(CallState State, CallTrigger? Trigger, DateTimeOffset At);
