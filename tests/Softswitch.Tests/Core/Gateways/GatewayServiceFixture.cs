using Softswitch.Core.Accounts;
using Softswitch.Core.Gateways;
using Softswitch.Core.Numbers;
using Softswitch.Core.Phones;
using Softswitch.Core.Store;

namespace Softswitch.Tests.Core.Gateways;

/// <summary>
/// The gateway services over a temp database with an "acme" account, wired as the composition root wires them
/// (one presence table, the phone service seeing the gateways). Create with <see cref="OpenAsync"/>.
/// </summary>
internal sealed class GatewayServiceFixture : IDisposable
{
    private GatewayServiceFixture()
    {
        Db = new TempDatabase();
        Services = new ServiceFixture(Db);
        var store = Db.OpenStore();
        Gateways = new GatewayState(new SqliteGatewayStore(store));
        Numbers = new NumberState(new SqliteNumberStore(store));
        Mapping = new MappingGatewayService(Services.State, Gateways, Numbers, Presence);
        Routing = new RoutingGatewayService(Services.State, Gateways, Numbers, Presence);
        Phones = new PhoneService(Services.State, Services.Registrations, Services.Time, Gateways);
        Registrations = new GatewayRegistrations(Gateways, Presence);
        var statistics = new GatewayStatisticsOptions();
        Online = new GatewayOnlineList(Gateways, Presence, new GatewayStatistics(statistics, Services.Time), statistics, Services.Time);
    }

    public TempDatabase Db { get; }
    public ServiceFixture Services { get; }
    public GatewayState Gateways { get; }
    public NumberState Numbers { get; }
    public GatewayPresence Presence { get; } = new();
    public MappingGatewayService Mapping { get; }
    public RoutingGatewayService Routing { get; }
    public PhoneService Phones { get; }
    public GatewayRegistrations Registrations { get; }

    /// <summary>What GetGatewayMappingOnline / GetGatewayRoutingOnline list.</summary>
    public GatewayOnlineList Online { get; }

    public static async Task<GatewayServiceFixture> OpenAsync()
    {
        var fixture = new GatewayServiceFixture();
        await fixture.Services.Customers.CreateAsync("acme", new CustomerChanges { Name = "Acme" });
        return fixture;
    }

    public void Dispose()
    {
        Gateways.Dispose();
        Numbers.Dispose();
        Services.Dispose();
        Db.Dispose();
    }
}
