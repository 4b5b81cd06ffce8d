using static Softswitch.Tests.Api.VosAssert;

namespace Softswitch.Tests.Api.Billing;

/// <summary>
/// Fee-rate groups (001_… §3.40-§3.43), GetFeeRate (§3.44) and the rate-writing extensions (CreateFeeRate,
/// ModifyFeeRate, DeleteFeeRate, ImportFeeRates; docs/billing.md) over the real composition.
/// </summary>
public sealed class FeeRateEndpointsTests
{
    private const string Rate = """{"feeRateGroup":"std","feePrefix":"0086755","areaCode":"86755","type":4,"areaName":"Shenzhen","fee":0.12,"period":60,"infoFeeRateSections":[{"fee":0.05,"time":30,"position":0}]}""";

    private VosApiHost _host = null!;

    [SetUp]
    public async Task SetUp()
    {
        _host = await VosApiHost.StartAsync();
        Ok(await _host.PostAsync("CreateFeeRateGroup", """{"name":"std","fakeMinute":60,"memo":"a"}"""));
    }

    [TearDown]
    public async Task TearDown() => await _host.DisposeAsync();

    [Test]
    public async Task GroupLifecycle()
    {
        var got = await _host.PostAsync("GetFeeRateGroup", """{"names":["std","none"]}""");
        Ok(await _host.PostAsync("ModifyFeeRateGroup", """{"name":"std","memo":"b"}"""));
        var after = await _host.PostAsync("GetFeeRateGroup", "{}");
        Ok(await _host.PostAsync("DeleteFeeRateGroup", """{"name":"std"}"""));

        var group = got.GetProperty("infoFeeRateGroups");
        Assert.That(group.GetArrayLength(), Is.EqualTo(1));
        Assert.That(group[0].GetProperty("memo").GetString(), Is.EqualTo("a"));
        Assert.That(group[0].GetProperty("fakeMinute").GetInt32(), Is.EqualTo(60));
        Assert.That(after.GetProperty("infoFeeRateGroups")[0].GetProperty("memo").GetString(), Is.EqualTo("b"));
        Assert.That(after.GetProperty("infoFeeRateGroups")[0].GetProperty("fakeMinute").GetInt32(), Is.EqualTo(60), "unchanged when not given");
        Assert.That((await _host.PostAsync("GetFeeRateGroup", "{}")).GetProperty("infoFeeRateGroups").GetArrayLength(), Is.Zero);
        Refused(await _host.PostAsync("DeleteFeeRateGroup", """{"name":"std"}"""), -10007, "std");
        Refused(await _host.PostAsync("ModifyFeeRateGroup", """{"name":"std"}"""), -10007, "std");
        Refused(await _host.PostAsync("GetFeeRate", """{"feeRateGroup":"std"}"""), -10007, "std");
    }

    [Test]
    public async Task RateLifecycle()
    {
        Ok(await _host.PostAsync("CreateFeeRate", Rate));
        var got = await _host.PostAsync("GetFeeRate", """{"feeRateGroup":"std"}""");
        Ok(await _host.PostAsync("ModifyFeeRate", """{"feeRateGroup":"std","feePrefix":"0086755","fee":0.1,"lockType":1}"""));
        var after = await _host.PostAsync("GetFeeRate", """{"feeRateGroup":"std","areaCodes":["86755"]}""");
        Ok(await _host.PostAsync("DeleteFeeRate", """{"feeRateGroup":"std","feePrefixes":["0086755"]}"""));

        var rate = got.GetProperty("infoFeeRates")[0];
        Assert.That(rate.GetProperty("feePrefix").GetString(), Is.EqualTo("0086755"));
        Assert.That(rate.GetProperty("areaName").GetString(), Is.EqualTo("Shenzhen"));
        Assert.That(rate.GetProperty("type").GetInt32(), Is.EqualTo(4));
        Assert.That(rate.GetProperty("fee").GetDecimal(), Is.EqualTo(0.12m));
        Assert.That(rate.GetProperty("ivrFee").GetDecimal(), Is.EqualTo(0.12m), "ivrFee defaults to fee");
        Assert.That(rate.GetProperty("infoFeeRateSections")[0].GetProperty("time").GetInt32(), Is.EqualTo(30));
        var modified = after.GetProperty("infoFeeRates")[0];
        Assert.That(modified.GetProperty("fee").GetDecimal(), Is.EqualTo(0.1m));
        Assert.That(modified.GetProperty("lockType").GetInt32(), Is.EqualTo(1));
        Assert.That(modified.GetProperty("infoFeeRateSections").GetArrayLength(), Is.EqualTo(1), "sections kept when not given");
        Assert.That((await _host.PostAsync("GetFeeRate", """{"feeRateGroup":"std","areaCodes":["1"]}""")).GetProperty("infoFeeRates").GetArrayLength(), Is.Zero);
        Assert.That((await _host.PostAsync("GetFeeRate", """{"feeRateGroup":"std"}""")).GetProperty("infoFeeRates").GetArrayLength(), Is.Zero);
        Refused(await _host.PostAsync("DeleteFeeRate", """{"feeRateGroup":"std","feePrefixes":["0086755"]}"""), -10007, "0086755");
    }

    [Test]
    public async Task DuplicatesAreRefused()
    {
        Ok(await _host.PostAsync("CreateFeeRate", Rate));
        Refused(await _host.PostAsync("CreateFeeRateGroup", """{"name":"std"}"""), -10005, "std");
        Refused(await _host.PostAsync("CreateFeeRate", Rate), -10005, "0086755");
    }

    [TestCase("""{"account":"acme","name":"Acme","feeRateGroup":"std"}""", "CreateCustomer", "acme")]
    [TestCase("""{"autoCreateAccount":true,"account":"acme","e164":"1001","feerateGroup":"std"}""", "CreatePhone", "1001")]
    public async Task AGroupInUseCannotBeDeleted(string body, string name, string user)
    {
        Ok(await _host.PostAsync(name, body));
        Refused(await _host.PostAsync("DeleteFeeRateGroup", """{"name":"std"}"""), -10006, user);
    }

    [Test]
    public async Task ImportAddsOrReplacesAndABadLineRefusesEverything()
    {
        Ok(await _host.PostAsync("CreateFeeRate", Rate));
        var added = await _host.PostAsync("ImportFeeRates", """{"feeRateGroup":"std","csv":"feePrefix,areaCode,areaName,type,fee,period\n0086,86,China,5,0.2,60\n001,1,USA,5,0.05,6\n"}""");
        Refused(await _host.PostAsync("ImportFeeRates", """{"feeRateGroup":"std","csv":"0044,44,UK,5,0.1,60\n0033,33,FR,9,0.1,60\n"}"""), -10004, "line 2");
        Refused(await _host.PostAsync("ImportFeeRates", """{"feeRateGroup":"std","csv":"0044,44,UK,5,0.1,60\n#x\n0044,44,UK,5,0.2,60\n"}"""), -10005, "line 3");
        Refused(await _host.PostAsync("ImportFeeRates", """{"feeRateGroup":"std","csv":"0044,44,UK,5,,60\n"}"""), -10004, "line 1: Missing mandatory field 'fee'");
        var afterBad = await _host.PostAsync("GetFeeRate", """{"feeRateGroup":"std"}""");
        var replaced = await _host.PostAsync("ImportFeeRates", """{"feeRateGroup":"std","csv":"0044,44,UK,5,0.1,60","replace":true}""");
        var afterReplace = await _host.PostAsync("GetFeeRate", """{"feeRateGroup":"std"}""");

        Assert.That(added.GetProperty("count").GetInt32(), Is.EqualTo(2));
        Assert.That(afterBad.GetProperty("infoFeeRates").EnumerateArray().Select(r => r.GetProperty("feePrefix").GetString()),
            Is.EqualTo(new[] { "001", "0086", "0086755" }), "refused imports wrote nothing");
        Assert.That(replaced.GetProperty("count").GetInt32(), Is.EqualTo(1));
        Assert.That(afterReplace.GetProperty("infoFeeRates").EnumerateArray().Select(r => r.GetProperty("feePrefix").GetString()),
            Is.EqualTo(new[] { "0044" }));
    }

    [TestCase("CreateFeeRateGroup", """{"memo":"x"}""", -10002, "name")]
    [TestCase("CreateFeeRateGroup", """{"name":"x","fakeMinute":0}""", -10004, "fakeMinute")]
    [TestCase("CreateFeeRateGroup", """{"name":"x","fakeMinute":"60"}""", -10003, "fakeMinute")]
    [TestCase("ModifyFeeRateGroup", "{}", -10002, "name")]
    [TestCase("DeleteFeeRateGroup", "{}", -10002, "name")]
    [TestCase("GetFeeRate", "{}", -10002, "feeRateGroup")]
    [TestCase("GetFeeRate", """{"feeRateGroup":"std","areaCodes":"86"}""", -10003, "areaCodes")]
    [TestCase("CreateFeeRate", """{"feePrefix":"1","type":4,"fee":1,"period":60}""", -10002, "feeRateGroup")]
    [TestCase("CreateFeeRate", """{"feeRateGroup":"std","type":4,"fee":1,"period":60}""", -10002, "feePrefix")]
    [TestCase("CreateFeeRate", """{"feeRateGroup":"std","feePrefix":"1","fee":1,"period":60}""", -10002, "type")]
    [TestCase("CreateFeeRate", """{"feeRateGroup":"std","feePrefix":"1","type":4,"period":60}""", -10002, "fee")]
    [TestCase("CreateFeeRate", """{"feeRateGroup":"std","feePrefix":"1","type":4,"fee":1}""", -10002, "period")]
    [TestCase("CreateFeeRate", """{"feeRateGroup":"std","feePrefix":"1","type":3,"fee":1,"period":60}""", -10004, "type")]
    [TestCase("CreateFeeRate", """{"feeRateGroup":"std","feePrefix":"1","type":4,"fee":-1,"period":60}""", -10004, "fee")]
    [TestCase("CreateFeeRate", """{"feeRateGroup":"std","feePrefix":"1","type":4,"fee":1,"period":0}""", -10004, "period")]
    [TestCase("CreateFeeRate", """{"feeRateGroup":"std","feePrefix":"1","type":4,"fee":1,"period":60,"lockType":2}""", -10004, "lockType")]
    [TestCase("CreateFeeRate", """{"feeRateGroup":"std","feePrefix":"1","type":4,"fee":"1","period":60}""", -10003, "fee")]
    [TestCase("CreateFeeRate", """{"feeRateGroup":"std","feePrefix":"1 2","type":4,"fee":1,"period":60}""", -10004, "feePrefix")]
    [TestCase("CreateFeeRate", """{"feeRateGroup":"none","feePrefix":"1","type":4,"fee":1,"period":60}""", -10007, "none")]
    [TestCase("CreateFeeRate", """{"feeRateGroup":"std","feePrefix":"1","type":4,"fee":1,"period":60,"infoFeeRateSections":[{"fee":1,"position":0}]}""", -10002, "infoFeeRateSections[0].time")]
    [TestCase("CreateFeeRate", """{"feeRateGroup":"std","feePrefix":"1","type":4,"fee":1,"period":60,"infoFeeRateSections":[{"fee":1,"time":6,"position":0},{"fee":1,"time":6,"position":0}]}""", -10005, "position")]
    [TestCase("ModifyFeeRate", """{"feeRateGroup":"std","feePrefix":"404"}""", -10007, "404")]
    [TestCase("DeleteFeeRate", """{"feeRateGroup":"std"}""", -10002, "feePrefixes")]
    [TestCase("ImportFeeRates", """{"feeRateGroup":"std"}""", -10002, "csv")]
    [TestCase("ImportFeeRates", """{"feeRateGroup":"none","csv":"1,,,5,1,60"}""", -10007, "none")]
    public async Task Refuses(string name, string body, int code, string field) =>
        Refused(await _host.PostAsync(name, body), code, field);
}
