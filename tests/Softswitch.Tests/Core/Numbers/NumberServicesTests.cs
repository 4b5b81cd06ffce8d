using Softswitch.Core.Accounts;
using Softswitch.Core.Gateways;
using Softswitch.Core.Numbers;
using Softswitch.Core.Phones;
using Softswitch.Core.Store;

namespace Softswitch.Tests.Core.Numbers;

/// <summary>Number services over a temp database: the engine lookups and reload after a restart.</summary>
public sealed class NumberServicesTests
{
    private TempDatabase _db = null!;
    private ServiceFixture _f = null!;

    [SetUp]
    public async Task SetUp()
    {
        _db = new TempDatabase();
        _f = new ServiceFixture(_db);
        await _f.Customers.CreateAsync("acme", new CustomerChanges { Name = "Acme" });
        await _f.Phones.CreateAsync(false, "1001", new PhoneChanges { Account = "acme" });
    }

    [TearDown]
    public void TearDown()
    {
        _f.Dispose();
        _db.Dispose();
    }

    private NumberState OpenNumbers() => new(new SqliteNumberStore(_db.OpenStore()));

    [Test]
    public async Task EverythingWrittenIsLoadedAfterARestart()
    {
        var numbers = OpenNumbers();
        var gateways = new GatewayState(new SqliteGatewayStore(_db.OpenStore()));
        await new LimitE164Service(_f.State, numbers, gateways).CreateGroupAsync("vip", "m");
        await new LimitE164Service(_f.State, numbers, gateways).CreateNumbersAsync("vip", [("111", null)]);
        await new E164ConvertService(_f.State, numbers).CreateAsync("0255", "1001", "0256", "");
        await new MobileAreaService(_f.State, numbers).CreateAsync([new MobileArea("1380013", "10", "北京", "")]);
        await new CustomerPhoneBookService(_f.State, numbers, _f.Time).CreateAsync("acme", "0255001", null,
            new CustomerPhoneBookChanges { ShortE164s = ["801"] });
        await new BindedE164Service(_f.State, numbers, _f.Time).CreateAsync("13800138000", new BindedE164Changes { Pin = "6001" });

        var reloaded = OpenNumbers();
        await reloaded.LoadAsync();

        Assert.That(reloaded.FindLimitE164Group("vip")?.Memo, Is.EqualTo("m"));
        Assert.That(reloaded.IsInLimitE164Group("vip", "111"), Is.True);
        Assert.That(reloaded.ConvertForMappingCaller("0255")?.RoutingGatewayCalleeE164, Is.EqualTo("0256"));
        Assert.That(reloaded.ConvertsForE164("1001"), Has.Count.EqualTo(1));
        Assert.That(reloaded.MobileAreaOf("13800138000")?.AreaCode, Is.EqualTo("10"));
        Assert.That(reloaded.ResolveShortE164("acme", "801"), Is.EqualTo("0255001"));
        Assert.That(reloaded.FindBindedE164("13800138000")?.BindTime, Is.EqualTo(_f.Time.GetUtcNow().ToUnixTimeMilliseconds()));
    }

    [Test]
    public async Task PhoneBookLimitIsEnforcedWhenSet()
    {
        await _f.Customers.ModifyAsync("acme", new CustomerChanges { PhoneBookLimit = 1 });
        var books = new CustomerPhoneBookService(_f.State, OpenNumbers(), _f.Time);

        var first = await books.CreateAsync("acme", "1", null, new CustomerPhoneBookChanges());
        var second = await books.CreateAsync("acme", "2", null, new CustomerPhoneBookChanges());

        Assert.That(first.IsSuccess, Is.True);
        Assert.That(second.Field, Is.EqualTo("account"));
    }
}
