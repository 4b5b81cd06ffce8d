namespace Softswitch.Core.Routing;

/// <summary>A routing gateway passed over while planning, and why.</summary>
public readonly record struct SkippedGateway(string Gateway, RouteSkip Reason);
