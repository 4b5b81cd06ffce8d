using static Softswitch.Tests.Api.VosAssert;

namespace Softswitch.Tests.Api.Numbers;

/// <summary>
/// Number interfaces over the real composition: groups (001_… §3.67-§3.73), conversions (§3.45, §3.79-§3.81),
/// mobile areas (§3.90-§3.92), phone books (§3.52-§3.55), bound numbers (§3.36-§3.39) and GetAllCustomers (§3.65).
/// </summary>
public sealed class NumberEndpointsTests
{
    private VosApiHost _host = null!;

    [SetUp]
    public async Task SetUp()
    {
        _host = await VosApiHost.StartAsync();
        Ok(await _host.PostAsync("CreatePhone", """{"autoCreateAccount":true,"account":"acme","e164":"1001"}"""));
    }

    [TearDown]
    public async Task TearDown() => await _host.DisposeAsync();

    [Test]
    public async Task LimitE164GroupLifecycle()
    {
        Ok(await _host.PostAsync("CreateLimitE164Group", """{"name":"vip","memo":"a"}"""));
        Refused(await _host.PostAsync("CreateLimitE164Group", """{"name":"vip"}"""), -10005, "vip");
        Ok(await _host.PostAsync("ModifyLimitE164Group", """{"name":"vip","memo":"b"}"""));
        var got = await _host.PostAsync("GetLimitE164Group", """{"names":["vip","none"]}""");
        Ok(await _host.PostAsync("CreateLimitE164", """{"limitE164GroupName":"vip","infoLimitE164s":[{"e164":"111"},{"e164":"222","memo":"m"}]}"""));
        Refused(await _host.PostAsync("CreateLimitE164", """{"limitE164GroupName":"vip","infoLimitE164s":[{"e164":"333"},{"e164":"111"}]}"""), -10005, "111");
        var numbers = await _host.PostAsync("GetLimitE164", """{"limitE164GroupName":"vip","e164":"222,333"}""");
        Refused(await _host.PostAsync("DeleteLimitE164", """{"limitE164GroupName":"vip","e164s":["111","999"]}"""), -10007, "999");
        Ok(await _host.PostAsync("DeleteLimitE164", """{"limitE164GroupName":"vip","e164s":["111"]}"""));
        var left = await _host.PostAsync("GetLimitE164", """{"limitE164GroupName":"vip"}""");
        Ok(await _host.PostAsync("DeleteLimitE164Group", """{"name":"vip"}"""));

        Assert.That(got.GetProperty("infoLimitE164Groups").GetArrayLength(), Is.EqualTo(1));
        Assert.That(got.GetProperty("infoLimitE164Groups")[0].GetProperty("memo").GetString(), Is.EqualTo("b"));
        Assert.That(numbers.GetProperty("infoLimitE164s").GetArrayLength(), Is.EqualTo(1));
        Assert.That(numbers.GetProperty("infoLimitE164s")[0].GetProperty("memo").GetString(), Is.EqualTo("m"));
        Assert.That(left.GetProperty("infoLimitE164s").GetArrayLength(), Is.EqualTo(1), "the refused delete removed nothing");
        Refused(await _host.PostAsync("GetLimitE164", """{"limitE164GroupName":"vip"}"""), -10007, "vip");
        Refused(await _host.PostAsync("DeleteLimitE164Group", """{"name":"vip"}"""), -10007, "vip");
    }

    [Test]
    public async Task GroupUsedByAPhoneCannotBeDeleted()
    {
        Ok(await _host.PostAsync("CreateLimitE164Group", """{"name":"vip"}"""));
        Ok(await _host.PostAsync("ModifyPhone", """{"e164":"1001","calleeLimitE164Groups":"vip"}"""));
        Refused(await _host.PostAsync("DeleteLimitE164Group", """{"name":"vip"}"""), -10006, "1001");
    }

    [Test]
    public async Task E164ConvertLifecycle()
    {
        var created = await _host.PostAsync("CreateE164Convert", """{"mappingGatewayCallerE164":"0255","e164":"1001","routingGatewayCalleeE164":"0256","memo":""}""");
        long id = created.GetProperty("id").GetInt64();
        Refused(await _host.PostAsync("CreateE164Convert", """{"mappingGatewayCallerE164":"0255","e164":"1001","routingGatewayCalleeE164":"1","memo":""}"""), -10005, "mappingGatewayCallerE164");
        var got = await _host.PostAsync("GetE164Convert", """{"account":"acme"}""");
        Ok(await _host.PostAsync("ModifyE164Convert", $$"""{"id":{{id}},"memo":"m"}"""));
        var after = await _host.PostAsync("GetE164Convert", """{"e164":"1001"}""");
        Ok(await _host.PostAsync("DeleteE164Convert", $$"""{"id":{{id}}}"""));

        Ok(created);
        var info = got.GetProperty("infoE164Converts")[0];
        Assert.That(info.GetProperty("account").GetString(), Is.EqualTo("acme"));
        Assert.That(info.GetProperty("routingGatewayCalleeE164").GetString(), Is.EqualTo("0256"));
        Assert.That(after.GetProperty("infoE164Converts")[0].GetProperty("memo").GetString(), Is.EqualTo("m"));
        Assert.That((await _host.PostAsync("GetE164Convert", "{}")).GetProperty("infoE164Converts").GetArrayLength(), Is.Zero);
        Refused(await _host.PostAsync("DeleteE164Convert", $$"""{"id":{{id}}}"""), -10007, "id");
    }

    [Test]
    public async Task MobileAreasOverwriteOnConflict()
    {
        Ok(await _host.PostAsync("CreateMobileArea", """{"infoMobileAreas":[{"mobilePrefix":"1380013","areaCode":"10","areaName":"北京"}]}"""));
        Ok(await _host.PostAsync("CreateMobileArea", """{"infoMobileAreas":[{"mobilePrefix":"1380013","areaCode":"25"},{"mobilePrefix":"1390000","areaCode":"21"}]}"""));
        var one = await _host.PostAsync("GetMobileArea", """{"mobilePrefix":"1380013"}""");
        var all = await _host.PostAsync("GetMobileArea", "{}");
        Refused(await _host.PostAsync("DeleteMobileArea", """{"mobilePrefixes":["1390000","1111111"]}"""), -10007, "1111111");
        Ok(await _host.PostAsync("DeleteMobileArea", """{"mobilePrefixes":["1390000"]}"""));

        Assert.That(one.GetProperty("infoMobileAreas")[0].GetProperty("areaCode").GetString(), Is.EqualTo("25"));
        Assert.That(all.GetProperty("infoMobileAreas").GetArrayLength(), Is.EqualTo(2));
        Assert.That((await _host.PostAsync("GetMobileArea", "{}")).GetProperty("infoMobileAreas").GetArrayLength(), Is.EqualTo(1));
    }

    [Test]
    public async Task PhoneBookLifecycleAndOverwrite()
    {
        Ok(await _host.PostAsync("CreateCustomerPhoneBook", """{"account":"acme","e164":"0255001","shortE164s":["801"],"name":"Li","deviceType":2}"""));
        Refused(await _host.PostAsync("CreateCustomerPhoneBook", """{"account":"acme","e164":"0255001"}"""), -10005, "0255001");
        Refused(await _host.PostAsync("CreateCustomerPhoneBook", """{"account":"acme","e164":"0255002","shortE164s":["801"]}"""), -10005, "801");
        Ok(await _host.PostAsync("ModifyCustomerPhoneBook", """{"account":"acme","e164":"0255001","newE164":"0255009","department":"Sales"}"""));
        Ok(await _host.PostAsync("CreateCustomerPhoneBook", """{"account":"acme","infoCustomerPhoneBookOverWrite":{"shortE164":801},"name":"Wang"}"""));
        var got = await _host.PostAsync("GetCustomerPhoneBook", """{"account":"acme"}""");
        Ok(await _host.PostAsync("DeleteCustomerPhoneBook", """{"account":"acme","e164s":["0255009"]}"""));

        var entries = got.GetProperty("infoCustomerPhoneBooks");
        Assert.That(entries.GetArrayLength(), Is.EqualTo(1));
        Assert.That(entries[0].GetProperty("e164").GetString(), Is.EqualTo("0255009"));
        Assert.That(entries[0].GetProperty("name").GetString(), Is.EqualTo("Wang"));
        Assert.That(entries[0].GetProperty("shortE164s").GetArrayLength(), Is.Zero, "overwrite replaces the whole entry");
        Assert.That((await _host.PostAsync("GetCustomerPhoneBook", "{}")).GetProperty("infoCustomerPhoneBooks").GetArrayLength(), Is.Zero);
    }

    [Test]
    public async Task BindedE164Lifecycle()
    {
        Ok(await _host.PostAsync("CreateBindedE164", """{"e164":"13800138000","pin":"6001","language":"zh"}"""));
        Refused(await _host.PostAsync("CreateBindedE164", """{"e164":"13800138000","pin":"6002"}"""), -10005, "13800138000");
        Ok(await _host.PostAsync("ModifyBindedE164", """{"e164":"13800138000","displayE164":"0255"}"""));
        var got = await _host.PostAsync("GetBindedE164", """{"pin":"6001"}""");
        Ok(await _host.PostAsync("DeleteBindedE164", """{"e164":"13800138000"}"""));

        var info = got.GetProperty("infoBindedE164s")[0];
        Assert.That(info.GetProperty("displayE164").GetString(), Is.EqualTo("0255"));
        Assert.That(info.GetProperty("language").GetString(), Is.EqualTo("zh"));
        Assert.That(info.GetProperty("bindTime").GetInt64(), Is.Positive);
        Assert.That((await _host.PostAsync("GetBindedE164", """{"e164s":["13800138000"]}""")).GetProperty("infoBindedE164s").GetArrayLength(), Is.Zero);
        Refused(await _host.PostAsync("DeleteBindedE164", """{"e164":"13800138000"}"""), -10007, "13800138000");
    }

    [Test]
    public async Task GetAllCustomersAnswersAccountsOrBriefs()
    {
        var accounts = await _host.PostAsync("GetAllCustomers", "{}");
        var briefs = await _host.PostAsync("GetAllCustomers", """{"type":1}""");

        Assert.That(accounts.GetProperty("accounts")[0].GetString(), Is.EqualTo("acme"));
        Assert.That(accounts.TryGetProperty("infoCustomerBriefs", out _), Is.False);
        Assert.That(briefs.GetProperty("infoCustomerBriefs")[0].GetProperty("limitMoney").GetDouble(), Is.Zero);
        Refused(await _host.PostAsync("GetAllCustomers", """{"type":2}"""), -10004, "type");
        Refused(await _host.PostAsync("GetAllCustomers", """{"type":"1"}"""), -10003, "type");
    }

    [TestCase("CreateLimitE164Group", """{"memo":"x"}""", -10002, "name")]
    [TestCase("CreateLimitE164", """{"limitE164GroupName":"vip"}""", -10002, "infoLimitE164s")]
    [TestCase("CreateLimitE164", """{"limitE164GroupName":"none","infoLimitE164s":[{"e164":"1"}]}""", -10007, "none")]
    [TestCase("CreateLimitE164", """{"limitE164GroupName":"vip","infoLimitE164s":[{"memo":"1"}]}""", -10002, "infoLimitE164s[0].e164")]
    [TestCase("DeleteLimitE164", """{"limitE164GroupName":"vip"}""", -10002, "e164s")]
    [TestCase("GetLimitE164", "{}", -10002, "limitE164GroupName")]
    [TestCase("CreateE164Convert", """{"mappingGatewayCallerE164":"1","e164":"1001","routingGatewayCalleeE164":"2"}""", -10002, "memo")]
    [TestCase("CreateE164Convert", """{"mappingGatewayCallerE164":"1","e164":"9999","routingGatewayCalleeE164":"2","memo":""}""", -10007, "e164")]
    [TestCase("ModifyE164Convert", """{"id":"1"}""", -10003, "id")]
    [TestCase("ModifyE164Convert", "{}", -10002, "id")]
    [TestCase("CreateMobileArea", "{}", -10002, "infoMobileAreas")]
    [TestCase("CreateMobileArea", """{"infoMobileAreas":[{"mobilePrefix":"138001","areaCode":"10"}]}""", -10004, "mobilePrefix")]
    [TestCase("CreateMobileArea", """{"infoMobileAreas":[{"mobilePrefix":"1380013"}]}""", -10002, "areaCode")]
    [TestCase("CreateMobileArea", """{"infoMobileAreas":[{"mobilePrefix":1380013,"areaCode":"10"}]}""", -10003, "mobilePrefix")]
    [TestCase("CreateCustomerPhoneBook", """{"e164":"1"}""", -10002, "account")]
    [TestCase("CreateCustomerPhoneBook", """{"account":"acme"}""", -10002, "e164")]
    [TestCase("CreateCustomerPhoneBook", """{"account":"nobody","e164":"1"}""", -10007, "account")]
    [TestCase("CreateCustomerPhoneBook", """{"account":"acme","e164":"1","deviceType":4}""", -10004, "deviceType")]
    [TestCase("CreateCustomerPhoneBook", """{"account":"acme","e164":"1","addressType":3}""", -10004, "addressType")]
    [TestCase("CreateCustomerPhoneBook", """{"account":"acme","e164":"1","type":2}""", -10004, "type")]
    [TestCase("CreateCustomerPhoneBook", """{"account":"acme","e164":"1","infoCustomerPhoneBookOverWrite":{"e164":"1","shortE164":"2"}}""", -10004, "infoCustomerPhoneBookOverWrite")]
    [TestCase("ModifyCustomerPhoneBook", """{"account":"acme"}""", -10002, "e164")]
    [TestCase("ModifyCustomerPhoneBook", """{"account":"acme","e164":"404"}""", -10007, "404")]
    [TestCase("DeleteCustomerPhoneBook", """{"account":"acme"}""", -10002, "e164s")]
    [TestCase("CreateBindedE164", """{"e164":"1"}""", -10002, "pin")]
    [TestCase("CreateBindedE164", """{"pin":"1"}""", -10002, "e164")]
    [TestCase("ModifyBindedE164", """{"e164":"404"}""", -10007, "404")]
    [TestCase("GetBindedE164", "{}", -10002, "e164s")]
    public async Task Refuses(string name, string body, int code, string field)
    {
        Ok(await _host.PostAsync("CreateLimitE164Group", """{"name":"vip"}"""));
        Refused(await _host.PostAsync(name, body), code, field);
    }
}
