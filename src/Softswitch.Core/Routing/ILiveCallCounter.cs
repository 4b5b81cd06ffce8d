namespace Softswitch.Core.Routing;

/// <summary>
/// Live calls as the router's line limits need them (001_… §3.6 lineCallIn/lineCallOut/lineCapacity, §3.11
/// capacity). The SIP layer implements it over its live calls; the call being routed must not be counted yet.
/// Must answer without blocking: it is read on every call set-up.
/// </summary>
public interface ILiveCallCounter
{
    /// <summary>Other live calls the phone takes part in: as caller (out) and as callee (in).</summary>
    (int Out, int In) PhoneCalls(string e164);

    /// <summary>Live calls that came in on the mapping gateway.</summary>
    int MappingGatewayCalls(string name);
}
