using BenchmarkDotNet.Attributes;
using Softswitch.Core.Gateways;
using Softswitch.Core.Routing;

namespace Softswitch.Bench.Routing;

/// <summary>
/// Route selection over a carrier-sized table (issue 11 "Performance"): 100,000 distinct prefixes nested under ~200
/// country codes, 1,000 routing gateways, every prefix served by 3 gateways (so each gateway lists ~300 prefixes),
/// live counters on every gateway. Each call takes the next of 1,024 callees that all match several nested prefixes.
/// Target: under 5 µs per call and 0 B allocated in the lookup.
/// </summary>
[MemoryDiagnoser]
public class RouteSelectionBenchmarks
{
    public const int PrefixCount = 100_000;
    public const int GatewayCount = 1_000;
    private const int GatewaysPerPrefix = 3;
    private const int CalleeCount = 1024;

    private readonly InMemoryGatewayLoad _load = new();
    private RoutingGateway[] _gateways = null!;
    private RoutingIndex _index = null!;
    private string[] _callees = null!;
    private RoutePrefixMatch[] _matches = null!;
    private RouteCandidate[] _candidates = null!;
    private int _next;

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(20261122);
        var countries = new HashSet<string>(StringComparer.Ordinal);
        while (countries.Count < 200)
        {
            countries.Add(random.Next(1, 999).ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
        var countryList = countries.ToArray();
        var prefixes = new HashSet<string>(countries, StringComparer.Ordinal);
        while (prefixes.Count < PrefixCount)
        {
            string country = countryList[random.Next(countryList.Length)];
            prefixes.Add(country + random.Next(0, 1_000_000).ToString("D6", System.Globalization.CultureInfo.InvariantCulture)[..random.Next(1, 7)]);
        }
        var prefixList = prefixes.ToArray();
        var perGateway = Enumerable.Range(0, GatewayCount).Select(_ => new List<string>()).ToArray();
        foreach (string prefix in prefixList)
        {
            int first = random.Next(GatewayCount);
            for (int k = 0; k < GatewaysPerPrefix; k++)
            {
                // Three distinct gateways, spread over the whole set.
                perGateway[(first + k * (GatewayCount / GatewaysPerPrefix)) % GatewayCount].Add(prefix);
            }
        }
        _gateways = perGateway.Select((list, g) => new RoutingGateway
        {
            Id = g + 1, Name = $"carrier{g + 1}", Prefix = string.Join(",", list), Priority = random.Next(0, 3),
            Capacity = 100, PrefixStyle = g % 2 == 0 ? GatewayPrefixStyle.Continuing : GatewayPrefixStyle.Terminating,
        }).ToArray();
        foreach (var gateway in _gateways)
        {
            for (int calls = random.Next(0, 60); calls > 0; calls--)
            {
                _load.CallStarted(gateway.Id);
            }
        }
        _index = RoutingIndex.Build(_gateways);
        _callees = Enumerable.Range(0, CalleeCount).Select(_ =>
        {
            string prefix = prefixList[random.Next(prefixList.Length)];
            return prefix + random.NextInt64(0, 10_000_000_000_000).ToString("D13", System.Globalization.CultureInfo.InvariantCulture)[..(13 - Math.Min(prefix.Length, 10))];
        }).ToArray();
        _matches = new RoutePrefixMatch[_index.MaxMatches];
        _candidates = new RouteCandidate[GatewayCount];
        if (_index.PrefixCount != PrefixCount || _index.GatewayCount != GatewayCount)
        {
            throw new InvalidOperationException($"index has {_index.PrefixCount} prefixes and {_index.GatewayCount} gateways");
        }
    }

    /// <summary>Trie walk only: every matching prefix of the callee, longest first.</summary>
    [Benchmark]
    public int Match() => _index.Match(NextCallee(), _matches);

    /// <summary>What a terminal route needs: the longest prefix, its gateways ordered by priority, load, carried, id.</summary>
    [Benchmark(Baseline = true)]
    public long RouteLongest()
    {
        int count = _index.Match(NextCallee(), _matches);
        return count == 0 ? 0 : _index.Order(_matches[0], _load, _candidates) + _candidates[0].GatewayId;
    }

    /// <summary>The worst a continuation route can ask for: every matching prefix, each one's gateways ordered.</summary>
    [Benchmark]
    public long RouteAllLevels()
    {
        int count = _index.Match(NextCallee(), _matches);
        long total = 0;
        for (int i = 0; i < count; i++)
        {
            total += _index.Order(_matches[i], _load, _candidates) + _candidates[0].GatewayId;
        }
        return total;
    }

    /// <summary>The generated gateways, for the rebuild benchmark.</summary>
    public IReadOnlyList<RoutingGateway> Gateways => _gateways;

    /// <summary>The generated callees (1,024, each matching several nested prefixes), for the router benchmark.</summary>
    public IReadOnlyList<string> Callees => _callees;

    private string NextCallee() => _callees[_next++ & (CalleeCount - 1)];
}
