namespace Softswitch.Core.Calls;

/// <summary>One row of the call transition table: in state <paramref name="From"/>, <paramref name="Trigger"/> leads to <paramref name="To"/>.</summary>
public readonly record struct CallTransition(CallState From, CallTrigger Trigger, CallState To, CallAction Action, string Why);
