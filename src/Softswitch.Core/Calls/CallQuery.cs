namespace Softswitch.Core.Calls;

/// <summary>
/// GetCurrentCall filters (001_… §3.21): each one left null is not applied ("不设置:表示此过滤条件无效"); the
/// ones given must all match.
/// </summary>
public sealed record CallQuery
{
    public IReadOnlyCollection<string>? CallerE164s { get; init; }
    public IReadOnlyCollection<string>? CalleeE164s { get; init; }

    /// <summary>gatewayMappingName: the mapping gateway the call came in through.</summary>
    public string? CallerGateway { get; init; }

    /// <summary>gatewayRoutingName: the routing gateway the call went out through.</summary>
    public string? CalleeGateway { get; init; }

    public static readonly CallQuery All = new();

    public bool Matches(CallSnapshot call) =>
        (CallerE164s is null || CallerE164s.Contains(call.CallerE164)) &&
        (CalleeE164s is null || CalleeE164s.Contains(call.CalleeE164)) &&
        (CallerGateway is null || string.Equals(CallerGateway, call.CallerGateway, StringComparison.Ordinal)) &&
        (CalleeGateway is null || string.Equals(CalleeGateway, call.CalleeGateway, StringComparison.Ordinal));
}
