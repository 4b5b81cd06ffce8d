using Softswitch.Core.Routing;

namespace Softswitch.Sip.B2bua;

/// <summary>
/// The router's view of live calls for the line limits (phones' lineCallIn/lineCallOut/lineCapacity, mapping gateways'
/// capacity). A call counts from the moment the router admitted it (the call being routed is not in the table yet).
/// Decided: two INVITEs routed at the same instant may both pass a limit of one; the routing gateway's own capacity is
/// checked again just before each attempt (<see cref="CallRouter.BeginAttempt"/>), on its live statistics.
/// </summary>
public sealed partial class B2bua : ILiveCallCounter
{
    (int Out, int In) ILiveCallCounter.PhoneCalls(string e164)
    {
        int outgoing = 0, incoming = 0;
        // Enumerating the dictionary itself takes no lock and copies nothing (.Keys would snapshot every live call).
        foreach (var (call, _) in _calls)
        {
            if (call.Parties.CallerPhone == e164)
            {
                outgoing++;
            }
            if (call.Parties.CalleePhone == e164)
            {
                incoming++;
            }
        }
        return (outgoing, incoming);
    }

    int ILiveCallCounter.MappingGatewayCalls(string name)
    {
        int count = 0;
        foreach (var (call, _) in _calls)
        {
            if (call.Parties.CallerGateway == name)
            {
                count++;
            }
        }
        return count;
    }
}
