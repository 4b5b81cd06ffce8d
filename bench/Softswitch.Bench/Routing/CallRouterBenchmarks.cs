using BenchmarkDotNet.Attributes;
using Softswitch.Core.Accounts;
using Softswitch.Core.Billing;
using Softswitch.Core.Gateways;
using Softswitch.Core.Management;
using Softswitch.Core.Numbers;
using Softswitch.Core.Registrations;
using Softswitch.Core.Routing;
using Softswitch.Core.Store;

namespace Softswitch.Bench.Routing;

/// <summary>
/// The whole routing decision of a trunk call (issue 11 "Performance"): <see cref="CallRouter.Route"/> for a call
/// from a static mapping gateway over the table of <see cref="RouteSelectionBenchmarks"/> (100,000 prefixes, 1,000
/// routing gateways with live counters): identification, the inbound checks and rules, the trie walk, ordering,
/// skips and the attempts with their rewritten numbers. It allocates the plan it returns.
/// </summary>
[MemoryDiagnoser]
public class CallRouterBenchmarks
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"softswitch-bench-{Guid.NewGuid():N}.db");
    private CallRouter _router = null!;
    private string[] _callees = null!;
    private DateTimeOffset _now;
    private int _next;

    [GlobalSetup]
    public void Setup()
    {
        var routes = new RouteSelectionBenchmarks();
        routes.Setup();
        var store = new SqliteSoftswitchStore(_path);
        store.InsertCustomerAsync(new Customer { Account = "acme", Name = "Acme" }).GetAwaiter().GetResult();
        var directory = new DirectoryState(store, store);
        directory.LoadAsync().GetAwaiter().GetResult();
        var mapping = new MappingGateway
        {
            Id = 1, Name = "in", RemoteIps = "198.51.100.1", Account = "acme", RewriteRulesOutCallee = "00:,0:86",
            CalleeAllowLength = 0, CalloutCalleePrefixes = "999", CalloutCalleePrefixesAllow = false,
        };
        var carriers = routes.Gateways.Select(g => g with { RemoteIp = $"203.0.{g.Id / 250}.{g.Id % 250 + 1}" }).ToArray();
        var gateways = new GatewayState(new FixedGatewayStore([mapping], carriers));
        gateways.LoadAsync().GetAwaiter().GetResult();
        var numbers = new NumberState(new SqliteNumberStore(store));
        numbers.LoadAsync().GetAwaiter().GetResult();
        var billing = new BillingState(new SqliteBillingStore(store));
        billing.LoadAsync().GetAwaiter().GetResult();
        var load = new InMemoryGatewayLoad();
        foreach (var gateway in carriers)
        {
            for (int calls = (int)(gateway.Id % 50); calls > 0; calls--)
            {
                load.CallStarted(gateway.Id);
            }
        }
        _router = new CallRouter(gateways, numbers, directory, new RatingService(directory, billing, numbers, gateways),
            new RegistrationTable(), new GatewayPresence(), new NoLiveCalls(), load, new InMemoryGatewayQuality(),
            new CallerNumberPool(), new RoutingOptions(), TimeProvider.System, new Random(5));
        _now = DateTimeOffset.UtcNow;
        // The table's callees, written as a caller on the trunk would dial them ("00" + number: the rules strip it).
        _callees = routes.Callees.Select(c => "00" + c).ToArray();
        if (Route().Plan is null)
        {
            throw new InvalidOperationException("The benchmark call must be routed.");
        }
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (string suffix in new[] { "", "-wal", "-shm" })
        {
            File.Delete(_path + suffix);
        }
    }

    /// <summary>A trunk call: identification by source address, then the whole decision.</summary>
    [Benchmark]
    public RouteDecision Route()
    {
        var caller = _router.IdentifyTrunk("198.51.100.1", 5060)!;
        return _router.Route(new CallFacts
        {
            Caller = caller, CallerNumber = "02011112222", CalleeNumber = _callees[_next++ & (_callees.Length - 1)],
            SourceIp = "198.51.100.1", SourcePort = 5060, Time = _now,
        });
    }

    private sealed class NoLiveCalls : ILiveCallCounter
    {
        public (int Out, int In) PhoneCalls(string e164) => default;

        public int MappingGatewayCalls(string name) => 0;
    }

    /// <summary>A read-only gateway store holding the generated table (the benchmark never writes).</summary>
    private sealed class FixedGatewayStore(IReadOnlyList<MappingGateway> mappings, IReadOnlyList<RoutingGateway> routings) : IGatewayStore
    {
        public Task<IReadOnlyList<MappingGateway>> LoadMappingGatewaysAsync(CancellationToken cancellationToken = default) => Task.FromResult(mappings);

        public Task<IReadOnlyList<RoutingGateway>> LoadRoutingGatewaysAsync(CancellationToken cancellationToken = default) => Task.FromResult(routings);

        public Task<long> InsertMappingGatewayAsync(MappingGateway gateway, CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public Task UpdateMappingGatewayAsync(MappingGateway gateway, CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public Task<bool> DeleteMappingGatewayAsync(string name, CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public Task<long> InsertRoutingGatewayAsync(RoutingGateway gateway, CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public Task UpdateRoutingGatewayAsync(RoutingGateway gateway, CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public Task<bool> DeleteRoutingGatewayAsync(string name, CancellationToken cancellationToken = default) => throw new NotSupportedException();
    }
}
