using Softswitch.Core.Routing;

namespace Softswitch.Tests.Core.Routing;

/// <summary>Live-call counts set by the test.</summary>
internal sealed class FakeLiveCalls : ILiveCallCounter
{
    public Dictionary<string, (int Out, int In)> Phones { get; } = [];

    public Dictionary<string, int> Gateways { get; } = [];

    public (int Out, int In) PhoneCalls(string e164) => Phones.GetValueOrDefault(e164);

    public int MappingGatewayCalls(string name) => Gateways.GetValueOrDefault(name);
}
