using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Softswitch.Api.Vos;
using Softswitch.Core.Registrations;

namespace Softswitch.Tests.Api.Phones;

public class PhoneEndpointsTests
{
    private VosApiHost _host = null!;

    [SetUp]
    public async Task SetUp()
    {
        _host = await VosApiHost.StartAsync();
        await _host.PostAsync("CreateCustomer", """{"account":"acme","name":"Acme"}""");
    }

    [TearDown]
    public async Task TearDown() => await _host.DisposeAsync();

    private static int RetCode(JsonElement e) => e.GetProperty("retCode").GetInt32();

    [Test]
    public async Task CreateGetModifyGetDeleteGet()
    {
        var created = await _host.PostAsync("CreatePhone", """
            {"autoCreateAccount":false,"e164":"1001","account":"acme","password":"pw1",
             "lockType":1,"dids":"2001,2002","infoPhoneAdditional":{"rtpRelay":1,"sipCodecs":["audio/PCMU"]},
             "infoPhoneValueAdded":{"busyForward":true,"busyForwardE164":{"e164":"1002"}}}
            """);
        var got = await _host.PostAsync("GetPhone", """{"e164s":["1001"]}""");
        var modified = await _host.PostAsync("ModifyPhone", """{"e164":"1001","memo":"desk","infoPhoneAdditional":{"sipTimerSupport":true}}""");
        var gotAgain = await _host.PostAsync("GetPhone", """{"accounts":["acme"]}""");
        var deleted = await _host.PostAsync("DeletePhone", """{"e164":"1001"}""");
        var gone = await _host.PostAsync("GetPhone", """{"e164s":["1001"]}""");
        var modifyGone = await _host.PostAsync("ModifyPhone", """{"e164":"1001","memo":"x"}""");

        Assert.That(RetCode(created), Is.Zero);
        Assert.That(created.GetProperty("password").GetString(), Is.EqualTo("pw1"));
        var info = got.GetProperty("infoPhones")[0];
        Assert.That(info.GetProperty("account").GetString(), Is.EqualTo("acme"));
        Assert.That(info.GetProperty("password").GetString(), Is.EqualTo("pw1"));
        Assert.That(info.GetProperty("lockType").GetInt32(), Is.EqualTo(1));
        Assert.That(info.GetProperty("dids").GetString(), Is.EqualTo("2001,2002"));
        Assert.That(info.GetProperty("infoPhoneAdditional").GetProperty("rtpRelay").GetInt32(), Is.EqualTo(1));
        Assert.That(info.GetProperty("infoPhoneValueAdded").GetProperty("busyForwardE164").GetProperty("e164").GetString(),
            Is.EqualTo("1002"));
        Assert.That(RetCode(modified), Is.Zero);
        var after = gotAgain.GetProperty("infoPhones")[0];
        Assert.That(after.GetProperty("memo").GetString(), Is.EqualTo("desk"));
        Assert.That(after.GetProperty("infoPhoneAdditional").GetProperty("rtpRelay").GetInt32(), Is.EqualTo(1));
        Assert.That(after.GetProperty("infoPhoneAdditional").GetProperty("sipTimerSupport").GetBoolean(), Is.True);
        Assert.That(RetCode(deleted), Is.Zero);
        Assert.That(gone.GetProperty("infoPhones").GetArrayLength(), Is.Zero);
        Assert.That(RetCode(modifyGone), Is.EqualTo(-10007));
    }

    /// <summary>The InfoPhone table of 001_… §3.9, in the manual's order and spelling.</summary>
    private static readonly string[] InfoPhoneFields =
    [
        "e164", "password", "displayNumber", "lockType", "callLevel", "feerateGroup", "monthlyMoneyMinimum",
        "monthlyMoneyMaximum", "monthlyRentFee", "rewriteRulesOutCallee", "rewriteRulesInCallee", "rewriteRulesInCaller",
        "routingGatewayGroupsAllow", "routingGatewayGroups", "account", "equipment", "calleeBilling", "customerPassword",
        "lineCallIn", "lineCallOut", "lineCapacity", "phonebookLimit", "callerLimitE164GroupsAllow",
        "callerLimitE164Groups", "calleeLimitE164Allow", "calleeLimitE164Groups", "dids", "memo",
        "infoPhoneValueAdded", "infoPhoneAdditional",
    ];

    [Test]
    public async Task GetPhoneAnswersExactlyTheManualsInfoPhoneFields()
    {
        Assert.That(RetCode(await _host.PostAsync("CreatePhone",
            """{"autoCreateAccount":false,"e164":"1001","account":"acme","dids":"2001"}""")), Is.Zero);
        var info = (await _host.PostAsync("GetPhone", """{"e164s":["1001"]}""")).GetProperty("infoPhones")[0];
        Assert.That(info.EnumerateObject().Select(p => p.Name), Is.EquivalentTo(InfoPhoneFields));
    }

    [Test]
    public async Task ModifyPhoneAcceptsEveryInfoPhoneFieldAndChangesOnlyThoseGiven()
    {
        Assert.That(RetCode(await _host.PostAsync("CreatePhone", """
            {"autoCreateAccount":false,"e164":"1001","account":"acme","password":"pw1","displayNumber":"555",
             "infoPhoneAdditional":{"rtpRelay":1},"infoPhoneValueAdded":{"busyForward":true}}
            """)), Is.Zero);
        Assert.That(RetCode(await _host.PostAsync("ModifyPhone", """
            {"e164":"1001","lockType":2,"callLevel":3,"monthlyRentFee":9.5,"lineCapacity":4,"calleeBilling":true,
             "infoPhoneAdditional":{"sipTimerSupport":true}}
            """)), Is.Zero);
        var info = (await _host.PostAsync("GetPhone", """{"e164s":["1001"]}""")).GetProperty("infoPhones")[0];
        Assert.That(info.GetProperty("lockType").GetInt32(), Is.EqualTo(2));
        Assert.That(info.GetProperty("callLevel").GetInt32(), Is.EqualTo(3));
        Assert.That(info.GetProperty("monthlyRentFee").GetDouble(), Is.EqualTo(9.5));
        Assert.That(info.GetProperty("lineCapacity").GetInt32(), Is.EqualTo(4));
        Assert.That(info.GetProperty("calleeBilling").GetBoolean(), Is.True);
        Assert.That(info.GetProperty("password").GetString(), Is.EqualTo("pw1"), "not given, kept");
        Assert.That(info.GetProperty("displayNumber").GetString(), Is.EqualTo("555"), "not given, kept");
        Assert.That(info.GetProperty("e164").GetString(), Is.EqualTo("1001"));
        Assert.That(info.GetProperty("infoPhoneAdditional").GetProperty("rtpRelay").GetInt32(), Is.EqualTo(1), "merged field by field");
        Assert.That(info.GetProperty("infoPhoneAdditional").GetProperty("sipTimerSupport").GetBoolean(), Is.True);
        Assert.That(info.GetProperty("infoPhoneValueAdded").GetProperty("busyForward").GetBoolean(), Is.True);
    }

    [Test]
    public async Task FeeRateGroupIsAcceptedInBothOfTheManualsSpellings()
    {
        Assert.That(RetCode(await _host.PostAsync("CreateFeeRateGroup", """{"name":"retail"}""")), Is.Zero);
        Assert.That(RetCode(await _host.PostAsync("CreatePhone",
            """{"autoCreateAccount":false,"e164":"1001","account":"acme","password":"pw1","feeRateGroup":"retail"}""")), Is.Zero);
        Assert.That(RetCode(await _host.PostAsync("CreatePhone",
            """{"autoCreateAccount":false,"e164":"1002","account":"acme","password":"pw2","feerateGroup":"retail"}""")), Is.Zero);
        var phones = await _host.PostAsync("GetPhone", """{"e164s":["1001","1002"]}""");
        Assert.That(phones.GetProperty("infoPhones").EnumerateArray().Select(p => p.GetProperty("feerateGroup").GetString()),
            Is.EqualTo(new[] { "retail", "retail" }));
        Assert.That(phones.ToString(), Does.Not.Contain("\"feeRateGroup\""), "answers use the manual's InfoPhone spelling only");
    }

    [Test]
    public async Task CreateWithoutPasswordReturnsTheGeneratedOne()
    {
        var created = await _host.PostAsync("CreatePhone", """{"autoCreateAccount":true,"e164":"1003"}""");
        var got = await _host.PostAsync("GetPhone", """{"e164s":["1003"]}""");
        var account = await _host.PostAsync("GetCustomer", """{"e164s":["1003"]}""");

        Assert.That(RetCode(created), Is.Zero);
        Assert.That(created.GetProperty("password").GetString(),
            Is.EqualTo(got.GetProperty("infoPhones")[0].GetProperty("password").GetString()));
        Assert.That(account.GetProperty("infoCustomers")[0].GetProperty("account").GetString(), Is.EqualTo("1003"));
    }

    [TestCase("{}", "autoCreateAccount")]
    [TestCase("""{"autoCreateAccount":false}""", "e164")]
    [TestCase("""{"autoCreateAccount":false,"e164":"1001"}""", "account")]
    public async Task MissingMandatoryFieldsAreNamed(string body, string field)
    {
        var result = await _host.PostAsync("CreatePhone", body);

        Assert.That(RetCode(result), Is.EqualTo((int)VosRetCode.MissingField));
        Assert.That(result.GetProperty("exception").GetString(), Does.Contain(field));
    }

    [TestCase("""{"autoCreateAccount":"false","e164":"1001","account":"acme"}""", "autoCreateAccount")]
    [TestCase("""{"autoCreateAccount":false,"e164":1001,"account":"acme"}""", "e164")]
    [TestCase("""{"autoCreateAccount":false,"e164":"1001","account":"acme","lineCapacity":"2"}""", "lineCapacity")]
    [TestCase("""{"autoCreateAccount":false,"e164":"1001","account":"acme","infoPhoneAdditional":{"sipCodecs":"audio/PCMU"}}""", "infoPhoneAdditional.sipCodecs")]
    public async Task WrongTypesAreRefused(string body, string field)
    {
        var result = await _host.PostAsync("CreatePhone", body);

        Assert.That(RetCode(result), Is.EqualTo((int)VosRetCode.WrongType));
        Assert.That(result.GetProperty("exception").GetString(), Does.Contain(field));
    }

    [Test]
    public async Task DuplicateAndUnknownAccountAreRefused()
    {
        const string body = """{"autoCreateAccount":false,"e164":"1001","account":"acme","password":"pw"}""";
        await _host.PostAsync("CreatePhone", body);

        var duplicate = await _host.PostAsync("CreatePhone", body);
        var noAccount = await _host.PostAsync("CreatePhone", """{"autoCreateAccount":false,"e164":"1009","account":"ghost"}""");

        Assert.That(RetCode(duplicate), Is.EqualTo((int)VosRetCode.Duplicate));
        Assert.That(RetCode(noAccount), Is.EqualTo((int)VosRetCode.NotFound));
    }

    [Test]
    public async Task GetPhoneOnlineShowsARegisteredPhone()
    {
        await _host.PostAsync("CreatePhone", """{"autoCreateAccount":false,"e164":"1001","account":"acme","password":"pw"}""");
        var offline = await _host.PostAsync("GetPhoneOnline", """{"e164s":["1001"]}""");
        var now = DateTimeOffset.UtcNow;
        _host.Registrations.Upsert(new RegistrationBinding("1001", "sip:1001@192.0.2.7:5062", "UDP", "192.0.2.7", 5062,
            "cid", 1, "Linphone/5", now, now.AddMinutes(10)));

        var online = await _host.PostAsync("GetPhoneOnline", """{"e164s":["1001","1002"]}""");
        var all = await _host.PostAsync("GetAllPhoneOnline", "");
        var missing = await _host.PostAsync("GetPhoneOnline", "{}");

        Assert.That(offline.GetProperty("infoPhoneOnlines").GetArrayLength(), Is.Zero);
        Assert.That(RetCode(online), Is.Zero);
        var info = online.GetProperty("infoPhoneOnlines").EnumerateArray().Single();
        Assert.That(info.GetProperty("e164").GetString(), Is.EqualTo("1001"));
        Assert.That(info.GetProperty("remoteIp").GetString(), Is.EqualTo("192.0.2.7:5062"));
        Assert.That(info.GetProperty("registerTime").GetInt64(), Is.EqualTo(now.ToUnixTimeMilliseconds()));
        Assert.That(info.GetProperty("protocol").GetInt32(), Is.EqualTo(1));
        Assert.That(info.GetProperty("productId").GetString(), Is.EqualTo("Linphone/5"));
        Assert.That(all.GetProperty("e164s").EnumerateArray().Select(e => e.GetString()), Is.EqualTo(new[] { "1001" }));
        Assert.That(RetCode(missing), Is.EqualTo((int)VosRetCode.MissingField));
    }

    [Test]
    public async Task ClientsOutsideTheAllowListAreDenied()
    {
        await using var host = await VosApiHost.StartAsync(s => s.Configure<VosApiOptions>(o => o.AllowedClients.Add("203.0.113.9")));

        var response = await host.PostRawAsync("GetAllPhoneOnline", "{}", "application/json");

        Assert.That((int)response.StatusCode, Is.EqualTo(403));
        Assert.That(JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("retCode").GetInt32(),
            Is.EqualTo((int)VosRetCode.AccessDenied));
    }
}
