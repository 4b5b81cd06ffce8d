namespace Softswitch.Core.Cdrs;

/// <summary>The optional GetCdr filters (001_… §3.47), exact matches; null means not applied.</summary>
public sealed record CdrFilters(string? CallerE164 = null, string? CalleeE164 = null,
    string? CallerGateway = null, string? CalleeGateway = null);
