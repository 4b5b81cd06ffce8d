namespace Softswitch.Core.Routing;

/// <summary>A gateway's live counters at one instant: calls up now, and calls it has carried since start.</summary>
public readonly record struct GatewayLoad(int CurrentCalls, long CallsCarried);
