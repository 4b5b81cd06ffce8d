namespace Softswitch.Sip.Security;

/// <summary>What the limiter counted over one summary interval: requests from unregistered sources, distinct source addresses, and drops.</summary>
public readonly record struct UnauthenticatedSummary(long Requests, long Sources, long Dropped, TimeSpan Interval);
