using Microsoft.Extensions.Time.Testing;
using Softswitch.Core.Accounts;
using Softswitch.Core.Billing;
using Softswitch.Core.Gateways;
using Softswitch.Core.Management;
using Softswitch.Core.Numbers;
using Softswitch.Core.Phones;
using Softswitch.Core.Registrations;
using Softswitch.Core.Routing;
using Softswitch.Core.Store;

namespace Softswitch.Tests.Core.Routing;

/// <summary>
/// A <see cref="CallRouter"/> over in-memory state (the states of a temp SQLite store, filled through their internal
/// Put methods as the services do after a write), a fake clock in UTC, fake live calls and a seeded random source.
/// </summary>
internal sealed class RouterFixture : IDisposable
{
    private readonly TempDatabase _db = new();
    private long _nextId = 1;
    private CallRouter? _router;

    public RouterFixture() : this(new FakeTimeProvider(new DateTimeOffset(2026, 1, 5, 10, 0, 0, TimeSpan.Zero))) // a Monday
    {
    }

    /// <summary>Over the given clock (the B2BUA harness shares its own).</summary>
    public RouterFixture(FakeTimeProvider time)
    {
        Time = time;
        var store = _db.OpenStore();
        Directory = new DirectoryState(store, store);
        Gateways = new GatewayState(new SqliteGatewayStore(store));
        Numbers = new NumberState(new SqliteNumberStore(store));
        Billing = new BillingState(new SqliteBillingStore(store));
        Rating = new RatingService(Directory, Billing, Numbers, Gateways);
        Time.SetLocalTimeZone(TimeZoneInfo.Utc);
        Customer("acme");
    }

    public FakeTimeProvider Time { get; }

    public DirectoryState Directory { get; }
    public GatewayState Gateways { get; }
    public NumberState Numbers { get; }
    public BillingState Billing { get; }
    public RatingService Rating { get; }
    public RegistrationTable Registrations { get; } = new();
    public GatewayPresence Presence { get; } = new();
    public FakeLiveCalls LiveCalls { get; } = new();
    public InMemoryGatewayLoad Load { get; } = new();
    public InMemoryGatewayQuality Quality { get; } = new();
    public CallerNumberPool Pool { get; } = new();
    public RoutingOptions Options { get; } = new();

    public CallRouter Router => _router ??= new CallRouter(Gateways, Numbers, Directory, Rating, Registrations, Presence,
        LiveCalls, Load, Quality, Pool, Options, Time, new Random(11));

    /// <summary>A router over the same state but the given live calls, load and quality (the B2BUA harness's own).</summary>
    public CallRouter RouterOver(ILiveCallCounter liveCalls, IGatewayLoad load, IGatewayQuality quality) =>
        new(Gateways, Numbers, Directory, Rating, Registrations, Presence, liveCalls, load, quality, Pool, Options, Time, new Random(11));

    /// <summary>An account; its money (100 by default) matters only once it has a fee-rate group (docs/billing.md).</summary>
    public Customer Customer(string account, string feeRateGroup = "", bool locked = false, double money = 100)
    {
        var customer = new Customer
        {
            Account = account, Name = account, FeeRateGroup = feeRateGroup, Money = money,
            LockType = locked ? CustomerLockType.Locked : CustomerLockType.Unlocked,
        };
        Directory.PutCustomer(customer);
        return customer;
    }

    public Phone Phone(string e164, Func<Phone, Phone>? configure = null, bool register = true, string account = "acme")
    {
        var phone = new Phone { E164 = e164, Account = account, Password = "pw" };
        phone = configure?.Invoke(phone) ?? phone;
        Directory.PutPhone(phone);
        if (register)
        {
            Register(e164);
        }
        return phone;
    }

    public void Register(string e164, string ip = "192.0.2.50", int port = 5062) =>
        Registrations.Upsert(new RegistrationBinding(e164, $"sip:{e164}@{ip}:{port}", "UDP", ip, port, "c1", 1, null,
            Time.GetUtcNow(), Time.GetUtcNow().AddHours(1)));

    public MappingGateway Mapping(string name, Func<MappingGateway, MappingGateway>? configure = null)
    {
        var gateway = new MappingGateway { Id = _nextId++, Name = name, RemoteIps = "198.51.100.1", Account = "acme" };
        gateway = configure?.Invoke(gateway) ?? gateway;
        Gateways.PutMapping(gateway);
        return gateway;
    }

    public RoutingGateway Routing(string name, string prefix, Func<RoutingGateway, RoutingGateway>? configure = null)
    {
        var gateway = new RoutingGateway { Id = _nextId++, Name = name, Prefix = prefix, RemoteIp = "203.0.113.1" };
        gateway = configure?.Invoke(gateway) ?? gateway;
        Gateways.PutRouting(gateway);
        return gateway;
    }

    public void Rates(string group, params (string Prefix, decimal Fee, FeeRateType Type)[] rates)
    {
        Billing.PutFeeRateGroup(new FeeRateGroup(group, null, ""));
        Billing.PutRates(group, FeeRateTable.From(rates.Select(r => new FeeRate
        {
            FeeRateGroup = group, FeePrefix = r.Prefix, Fee = r.Fee, Period = 60, Type = r.Type,
        })));
    }

    public void NumberGroup(string name, params string[] numbers)
    {
        Numbers.PutLimitE164Group(new LimitE164Group(name, ""));
        foreach (string number in numbers)
        {
            Numbers.PutLimitE164(new LimitE164(name, number, ""));
        }
    }

    public void MobileArea(string prefix, string areaCode) => Numbers.PutMobileArea(new MobileArea(prefix, areaCode, "", ""));

    public CallFacts FromPhone(string e164, string callee) => new()
    {
        Caller = CallerIdentity.Phone(e164), CallerNumber = e164, CalleeNumber = callee, SourceIp = "192.0.2.50",
        SourcePort = 5062, Time = Time.GetUtcNow(),
    };

    public CallFacts FromTrunk(string gateway, string caller, string callee, CallerKind kind = CallerKind.StaticGateway) => new()
    {
        Caller = new CallerIdentity(kind, gateway), CallerNumber = caller, CalleeNumber = callee,
        SourceIp = "198.51.100.1", SourcePort = 5060, Time = Time.GetUtcNow(),
    };

    public RouteDecision Route(CallFacts facts) => Router.Route(facts);

    /// <summary>The gateway names of a routed plan, in attempt order.</summary>
    public string[] Names(CallFacts facts)
    {
        var decision = Route(facts);
        Assert.That(decision.IsRouted, Is.True, () => $"refused: {decision.Refusal?.Reason} {decision.Refusal?.Detail}");
        return decision.Plan!.Attempts.Select(a => a.GatewayName).ToArray();
    }

    public void Dispose()
    {
        Directory.Dispose();
        Gateways.Dispose();
        Numbers.Dispose();
        Billing.Dispose();
        _db.Dispose();
    }
}
