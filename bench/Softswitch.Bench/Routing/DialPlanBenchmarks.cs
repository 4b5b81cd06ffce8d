using BenchmarkDotNet.Attributes;
using Softswitch.Core.Routing;

namespace Softswitch.Bench.Routing;

/// <summary>
/// A dial-plan rewrite on the call path (compiled once, applied per call) and a routing-index rebuild on the
/// management path (what one routing-gateway write costs with 100,000 prefixes).
/// </summary>
[MemoryDiagnoser]
public class DialPlanBenchmarks
{
    private readonly DialPlan _plan =
        DialPlan.Parse("00:,0:86,:86755,13E11:8613,*:a*,9:8008100-8008121,0134:$$$").Plan!;

    /// <summary>The same without the catch-all rules (":86755", "*:a*"), so a number can pass unchanged.</summary>
    private readonly DialPlan _noCatchAll = DialPlan.Parse("00:,0:86,13E11:8613,9:8008100-8008121,0134:$$$").Plan!;

    private readonly Random _random = new(7);
    private IReadOnlyList<Softswitch.Core.Gateways.RoutingGateway> _gateways = null!;

    [GlobalSetup]
    public void Setup()
    {
        var routes = new RouteSelectionBenchmarks();
        routes.Setup();
        _gateways = routes.Gateways;
    }

    /// <summary>The longest of seven rules ("00:") applies; the output string is the only allocation.</summary>
    [Benchmark]
    public string Rewrite() => _plan.Rewrite("008522343318", _random);

    /// <summary>No rule applies: the input comes back, nothing allocated.</summary>
    [Benchmark]
    public string RewriteUnchanged() => _noCatchAll.Rewrite("555123", _random);

    [Benchmark]
    public DialPlanParseResult Compile() => DialPlan.Parse("00:,0:86,:86755,13E11:8613,*:a*,9:8008100-8008121,0134:$$$");

    /// <summary>Rebuild of the 100,000-prefix index, off the call path.</summary>
    [Benchmark]
    public int BuildIndex() => RoutingIndex.Build(_gateways).NodeCount;
}
