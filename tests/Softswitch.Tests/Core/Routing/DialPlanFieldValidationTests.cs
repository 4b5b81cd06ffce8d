using Softswitch.Core.Gateways;
using Softswitch.Core.Management;
using Softswitch.Core.Numbers;
using Softswitch.Core.Phones;
using Softswitch.Tests.Core.Gateways;

namespace Softswitch.Tests.Core.Routing;

/// <summary>
/// Every field that holds dial-plan rules (001_… "需符合拨号规则书写格式"; §3.6 phones, §3.11 mapping gateways, §3.16
/// routing gateways, §3.36 bound numbers) refuses, on Create and on Modify, a text that does not compile: the error
/// names the field, the position and the fault, and nothing is stored.
/// </summary>
public sealed class DialPlanFieldValidationTests
{
    private const string Bad = "%%%not a rule%%%";
    private const string Good = "00:,0:86,:86755";

    private GatewayServiceFixture _g = null!;
    private ServiceFixture _f = null!;
    private GatewayState _gateways = null!;
    private NumberState _numbers = null!;
    private MappingGatewayService _mapping = null!;
    private RoutingGatewayService _routing = null!;
    private BindedE164Service _binded = null!;

    [SetUp]
    public async Task SetUp()
    {
        _g = await GatewayServiceFixture.OpenAsync();
        _f = _g.Services;
        (_gateways, _numbers, _mapping, _routing) = (_g.Gateways, _g.Numbers, _g.Mapping, _g.Routing);
        _binded = new BindedE164Service(_f.State, _numbers, _f.Time);
    }

    [TearDown]
    public void TearDown() => _g.Dispose();

    private static readonly string[] PhoneFields = ["rewriteRulesOutCallee", "rewriteRulesInCallee", "rewriteRulesInCaller"];

    private static readonly string[] MappingFields = ["rewriteRulesOutCallee", "rewriteRulesOutCaller"];

    private static readonly string[] RoutingFields =
        ["rewriteRulesInCaller", "rewriteRulesInCallee", "externalNumberVerifyRewriteCaller", "externalNumberVerifyRewriteCallee"];

    [TestCaseSource(nameof(PhoneFields))]
    public async Task PhoneRulesAreCompiledOnCreateAndModify(string field)
    {
        var created = await _f.Phones.CreateAsync(false, "1001", Phone(field, Bad));
        var good = await _f.Phones.CreateAsync(false, "1002", Phone(field, Good));
        var modified = await _f.Phones.ModifyAsync("1002", Phone(field, "0:1:2"));

        AssertRefused(created, field, 1, "':' between the original");
        Assert.That(_f.Phones.Find("1001"), Is.Null);
        Assert.That(good.IsSuccess, Is.True);
        AssertRefused(modified, field, 4, "a second ':'");
    }

    [TestCaseSource(nameof(MappingFields))]
    public async Task MappingGatewayRulesAreCompiledOnCreateAndModify(string field)
    {
        var created = await _mapping.CreateAsync("in1", Mapping(field, Bad));
        var good = await _mapping.CreateAsync("in2", Mapping(field, Good));
        var modified = await _mapping.ModifyAsync("in2", Mapping(field, "9:8008121-8008100"));

        AssertRefused(created, field, 1, "':' between the original");
        Assert.That(_gateways.FindMapping("in1"), Is.Null);
        Assert.That(good.IsSuccess, Is.True);
        AssertRefused(modified, field, 3, "must not be above");
    }

    [TestCaseSource(nameof(RoutingFields))]
    public async Task RoutingGatewayRulesAreCompiledOnCreateAndModify(string field)
    {
        var created = await _routing.CreateAsync("out1", Routing(field, Bad));
        var good = await _routing.CreateAsync("out2", Routing(field, "*:a*"));
        var modified = await _routing.ModifyAsync("out2", Routing(field, "1:*"));

        AssertRefused(created, field, 1, "':' between the original");
        Assert.That(_gateways.FindRouting("out1"), Is.Null);
        Assert.That(good.IsSuccess, Is.True);
        AssertRefused(modified, field, 3, "needs a '*' in the original");
        Assert.That(Read(_gateways.FindRouting("out2")!, field), Is.EqualTo("*:a*"), "the refused modify changed nothing");
    }

    [Test]
    public async Task BoundNumberRulesAreCompiledOnCreateAndModify()
    {
        var created = await _binded.CreateAsync("13800138000", new BindedE164Changes { Pin = "1", RewriteRulesOutCallee = Bad });
        var good = await _binded.CreateAsync("13800138001", new BindedE164Changes { Pin = "1", RewriteRulesOutCallee = Good });
        var modified = await _binded.ModifyAsync("13800138001", new BindedE164Changes { RewriteRulesOutCallee = "13E65:1" });

        AssertRefused(created, "rewriteRulesOutCallee", 1, "':' between the original");
        Assert.That(_numbers.FindBindedE164("13800138000"), Is.Null);
        Assert.That(good.IsSuccess, Is.True);
        AssertRefused(modified, "rewriteRulesOutCallee", 4, "at most 64");
    }

    [Test]
    public async Task TheSmartBlacklistRulesKeepTheirStringLength()
    {
        string longButValid = string.Join(",", Enumerable.Range(100, 60).Select(i => $"{i}:"));

        var result = await _routing.CreateAsync("out1", new RoutingGatewayChanges { ExternalNumberVerifyRewriteCaller = longButValid });

        Assert.That(longButValid, Has.Length.GreaterThan(FieldRules.StringMax));
        Assert.That((result.Error, result.Field), Is.EqualTo((ServiceError.OutOfRange, "externalNumberVerifyRewriteCaller")));
    }

    private static void AssertRefused(ServiceResult result, string field, int position, string fault)
    {
        Assert.That((result.Error, result.Field), Is.EqualTo((ServiceError.OutOfRange, field)), result.Message);
        Assert.That(result.Message, Does.Contain($"'{field}'").And.Contain($"at position {position}:").And.Contain(fault));
    }

    private static void AssertRefused<T>(ServiceResult<T> result, string field, int position, string fault) =>
        AssertRefused(new ServiceResult(result.Error, result.Field, result.Message), field, position, fault);

    private static PhoneChanges Phone(string field, string rules) => field switch
    {
        "rewriteRulesOutCallee" => new PhoneChanges { Account = "acme", RewriteRulesOutCallee = rules },
        "rewriteRulesInCallee" => new PhoneChanges { Account = "acme", RewriteRulesInCallee = rules },
        _ => new PhoneChanges { Account = "acme", RewriteRulesInCaller = rules },
    };

    private static MappingGatewayChanges Mapping(string field, string rules) => field == "rewriteRulesOutCallee"
        ? new MappingGatewayChanges { RewriteRulesOutCallee = rules }
        : new MappingGatewayChanges { RewriteRulesOutCaller = rules };

    private static RoutingGatewayChanges Routing(string field, string rules) => field switch
    {
        "rewriteRulesInCaller" => new RoutingGatewayChanges { RewriteRulesInCaller = rules },
        "rewriteRulesInCallee" => new RoutingGatewayChanges { RewriteRulesInCallee = rules },
        "externalNumberVerifyRewriteCaller" => new RoutingGatewayChanges { ExternalNumberVerifyRewriteCaller = rules },
        _ => new RoutingGatewayChanges { ExternalNumberVerifyRewriteCallee = rules },
    };

    private static string Read(RoutingGateway g, string field) => field switch
    {
        "rewriteRulesInCaller" => g.RewriteRulesInCaller,
        "rewriteRulesInCallee" => g.RewriteRulesInCallee,
        "externalNumberVerifyRewriteCaller" => g.ExternalNumberVerifyRewriteCaller,
        _ => g.ExternalNumberVerifyRewriteCallee,
    };
}
