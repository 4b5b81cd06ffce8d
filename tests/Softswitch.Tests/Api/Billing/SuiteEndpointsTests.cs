using static Softswitch.Tests.Api.VosAssert;

namespace Softswitch.Tests.Api.Billing;

/// <summary>
/// Suites (001_… §3.23-§3.25), suite orders (§3.26-§3.29) and suites in force (§3.30-§3.31) over the real
/// composition.
/// </summary>
public sealed class SuiteEndpointsTests
{
    private const string Suite =
        """{"name":"local-30","rentPeriod":1,"rentType":1,"nonholonomicOrder":false,"rentFee":30,"minConsumption":5,"lowerConsumption":1,"giftMoney":2,"infoGiftTimes":[{"prefix":"0086755,0086756","startTime":0,"endTime":86400,"giftTime":3600,"billingTime":60,"memo":"g"}],"memo":"m"}""";

    private VosApiHost _host = null!;

    [SetUp]
    public async Task SetUp()
    {
        _host = await VosApiHost.StartAsync();
        Ok(await _host.PostAsync("CreateCustomer", """{"account":"acme","name":"Acme","limitMoney":0}"""));
        Ok(await _host.PostAsync("CreatePhone", """{"autoCreateAccount":false,"account":"acme","e164":"1001"}"""));
    }

    [TearDown]
    public async Task TearDown() => await _host.DisposeAsync();

    [Test]
    public async Task SuiteLifecycleCreateGetDeleteGet()
    {
        var created = await _host.PostAsync("CreateSuite", Suite);
        Ok(created);
        long id = created.GetProperty("id").GetInt64();

        var got = (await _host.PostAsync("GetSuite", $$"""{"ids":[{{id}}]}""")).GetProperty("infoSuites");
        Assert.That(got.GetArrayLength(), Is.EqualTo(1));
        var suite = got[0];
        Assert.That(suite.GetProperty("name").GetString(), Is.EqualTo("local-30"));
        Assert.That(suite.GetProperty("rentType").GetInt32(), Is.EqualTo(1));
        Assert.That(suite.GetProperty("nonholonomicOrder").GetBoolean(), Is.False);
        Assert.That(suite.GetProperty("rentFee").GetDecimal(), Is.EqualTo(30m));
        Assert.That(suite.GetProperty("memo").GetString(), Is.EqualTo("m"));
        var gift = suite.GetProperty("infoGiftTimes")[0];
        Assert.That(gift.GetProperty("prefix").GetString(), Is.EqualTo("0086755,0086756"));
        Assert.That(gift.GetProperty("giftTime").GetInt32(), Is.EqualTo(3600));
        Assert.That(gift.GetProperty("billingTime").GetInt32(), Is.EqualTo(60));
        Assert.That((await _host.PostAsync("GetSuite", "{}")).GetProperty("infoSuites").GetArrayLength(), Is.EqualTo(1));

        Refused(await _host.PostAsync("CreateSuite", Suite), -10005, "name");
        Ok(await _host.PostAsync("DeleteSuite", $$"""{"id":{{id}}}"""));
        Assert.That((await _host.PostAsync("GetSuite", $$"""{"ids":[{{id}}]}""")).GetProperty("infoSuites").GetArrayLength(), Is.Zero);
        Refused(await _host.PostAsync("DeleteSuite", $$"""{"id":{{id}}}"""), -10007, "id");
    }

    [TestCase("name")]
    [TestCase("rentPeriod")]
    [TestCase("rentType")]
    [TestCase("nonholonomicOrder")]
    [TestCase("rentFee")]
    [TestCase("minConsumption")]
    [TestCase("lowerConsumption")]
    [TestCase("giftMoney")]
    public async Task CreateSuiteWithoutAMandatoryFieldIsRefusedNamingIt(string field)
    {
        var body = System.Text.Json.Nodes.JsonNode.Parse(Suite)!.AsObject();
        body.Remove(field);
        Refused(await _host.PostAsync("CreateSuite", body.ToJsonString()), -10002, field);
    }

    [TestCase("rentType", "4", -10004)]
    [TestCase("rentType", "-1", -10004)]
    [TestCase("rentPeriod", "0", -10004)]
    [TestCase("rentFee", "-1", -10004)]
    [TestCase("rentType", "\"1\"", -10003)]
    [TestCase("rentFee", "\"30\"", -10003)]
    [TestCase("nonholonomicOrder", "1", -10003)]
    public async Task CreateSuiteRefusesBadValues(string field, string value, int code)
    {
        var body = System.Text.Json.Nodes.JsonNode.Parse(Suite)!.AsObject();
        body[field] = System.Text.Json.Nodes.JsonNode.Parse(value);
        Refused(await _host.PostAsync("CreateSuite", body.ToJsonString()), code, field);
    }

    [TestCase("prefix")]
    [TestCase("startTime")]
    [TestCase("endTime")]
    [TestCase("giftTime")]
    [TestCase("billingTime")]
    public async Task AGiftTimeWithoutAMandatoryFieldIsRefusedNamingIt(string field)
    {
        var body = System.Text.Json.Nodes.JsonNode.Parse(Suite)!.AsObject();
        body["infoGiftTimes"]![0]!.AsObject().Remove(field);
        Refused(await _host.PostAsync("CreateSuite", body.ToJsonString()), -10002, "infoGiftTimes[0]." + field);
    }

    [Test]
    public async Task GiftTimeRangesAreChecked()
    {
        var body = System.Text.Json.Nodes.JsonNode.Parse(Suite)!.AsObject();
        body["infoGiftTimes"]![0]!["endTime"] = 86401;
        Refused(await _host.PostAsync("CreateSuite", body.ToJsonString()), -10004, "infoGiftTimes[0].endTime");
    }

    [Test]
    public async Task OrderLifecycleCreateGetModifyGetDeleteGet()
    {
        long suiteId = (await _host.PostAsync("CreateSuite", Suite)).GetProperty("id").GetInt64();
        long tomorrow = new DateTimeOffset(DateTime.Today.AddDays(1)).ToUnixTimeMilliseconds();
        var created = await _host.PostAsync("CreateSuiteOrder",
            $$"""{"ownerName":"1001","ownerType":6,"suiteId":{{suiteId}},"availableTime":{{tomorrow}},"priority":3,"rentPercent":50,"memo":"o"}""");
        Ok(created);
        long id = created.GetProperty("id").GetInt64();

        var order = (await _host.PostAsync("GetSuiteOrder", """{"ownerName":"1001","ownerType":6}""")).GetProperty("infoSuiteOrders")[0];
        Assert.That(order.GetProperty("id").GetInt64(), Is.EqualTo(id));
        Assert.That(order.GetProperty("suiteId").GetInt64(), Is.EqualTo(suiteId));
        Assert.That(order.GetProperty("availableTime").GetInt64(), Is.EqualTo(tomorrow));
        Assert.That(order.GetProperty("expireTime").GetInt64(), Is.EqualTo(long.MaxValue));
        Assert.That(order.GetProperty("priority").GetInt32(), Is.EqualTo(3));
        Assert.That(order.GetProperty("rentPercent").GetDecimal(), Is.EqualTo(50m));

        long later = new DateTimeOffset(DateTime.Today.AddDays(40)).ToUnixTimeMilliseconds();
        Ok(await _host.PostAsync("ModifySuiteOrder", $$"""{"id":{{id}},"expireTime":{{later}},"memo":"p"}"""));
        order = (await _host.PostAsync("GetSuiteOrder", """{"ownerName":"1001","ownerType":6}""")).GetProperty("infoSuiteOrders")[0];
        Assert.That(order.GetProperty("expireTime").GetInt64(), Is.EqualTo(later));
        Assert.That(order.GetProperty("memo").GetString(), Is.EqualTo("p"));
        Assert.That(order.GetProperty("priority").GetInt32(), Is.EqualTo(3), "fields not given stay");

        Refused(await _host.PostAsync("DeleteSuite", $$"""{"id":{{suiteId}}}"""), -10006, "id");
        Ok(await _host.PostAsync("DeleteSuiteOrder", $$"""{"id":{{id}}}"""));
        Assert.That((await _host.PostAsync("GetSuiteOrder", """{"ownerName":"1001","ownerType":6}""")).GetProperty("infoSuiteOrders").GetArrayLength(), Is.Zero);
        Refused(await _host.PostAsync("DeleteSuiteOrder", $$"""{"id":{{id}}}"""), -10007, "id");
        Refused(await _host.PostAsync("ModifySuiteOrder", $$"""{"id":{{id}},"memo":"x"}"""), -10007, "id");
        Ok(await _host.PostAsync("DeleteSuite", $$"""{"id":{{suiteId}}}"""));
    }

    [Test]
    public async Task AnImmediateOrderChargesTheRentAndPutsTheSuiteInForce()
    {
        long suiteId = (await _host.PostAsync("CreateSuite", Suite)).GetProperty("id").GetInt64();
        Ok(await _host.PostAsync("Pay", """{"ownerName":"acme","ownerType":2,"money":100}"""));
        Ok(await _host.PostAsync("CreateSuiteOrder", $$"""{"ownerName":"acme","ownerType":2,"suiteId":{{suiteId}},"availableTime":0,"rentPercent":50}"""));

        var current = (await _host.PostAsync("GetCurrentSuite", """{"ownerName":"acme","ownerType":2}""")).GetProperty("infoCurrentSuites");
        Assert.That(current.GetArrayLength(), Is.EqualTo(1));
        Assert.That(current[0].GetProperty("suiteId").GetInt64(), Is.EqualTo(suiteId));
        Assert.That(current[0].GetProperty("rentFee").GetDecimal(), Is.EqualTo(30m));
        Assert.That(current[0].GetProperty("minConsumption").GetDecimal(), Is.EqualTo(5m));
        Assert.That(current[0].GetProperty("expireTime").GetInt64(),
            Is.EqualTo(new DateTimeOffset(DateTime.Today.AddMonths(1)).ToUnixTimeMilliseconds()));
        Assert.That(current[0].GetProperty("infoGiftTimes")[0].GetProperty("giftTime").GetInt32(), Is.EqualTo(3600));
        var customer = (await _host.PostAsync("GetCustomer", """{"accounts":["acme"]}""")).GetProperty("infoCustomers")[0];
        Assert.That(customer.GetProperty("money").GetDouble(), Is.EqualTo(85.0), "half of the 30 rent");

        Refused(await _host.PostAsync("DeleteSuite", $$"""{"id":{{suiteId}}}"""), -10006, "id");
        long currentId = current[0].GetProperty("id").GetInt64();
        Ok(await _host.PostAsync("DeleteCurrentSuite", $$"""{"id":{{currentId}}}"""));
        Assert.That((await _host.PostAsync("GetCurrentSuite", """{"ownerName":"acme","ownerType":2}""")).GetProperty("infoCurrentSuites").GetArrayLength(), Is.Zero);
        Refused(await _host.PostAsync("DeleteCurrentSuite", $$"""{"id":{{currentId}}}"""), -10007, "id");
        Ok(await _host.PostAsync("DeleteSuite", $$"""{"id":{{suiteId}},"force":1}"""));
        Assert.That((await _host.PostAsync("GetSuiteOrder", """{"ownerName":"acme","ownerType":2}""")).GetProperty("infoSuiteOrders").GetArrayLength(), Is.Zero);
    }

    [Test]
    public async Task AOneTimeSuiteOrderBecomesASuiteInForceAndTheOrderGoes()
    {
        string once = Suite.Replace("\"rentType\":1", "\"rentType\":3").Replace("\"rentFee\":30", "\"rentFee\":0").Replace("local-30", "once");
        long suiteId = (await _host.PostAsync("CreateSuite", once)).GetProperty("id").GetInt64();
        Ok(await _host.PostAsync("CreateSuiteOrder", $$"""{"ownerName":"acme","ownerType":2,"suiteId":{{suiteId}},"availableTime":0}"""));

        Assert.That((await _host.PostAsync("GetSuiteOrder", """{"ownerName":"acme","ownerType":2}""")).GetProperty("infoSuiteOrders").GetArrayLength(), Is.Zero);
        var current = (await _host.PostAsync("GetCurrentSuite", """{"ownerName":"acme","ownerType":2}""")).GetProperty("infoCurrentSuites");
        Assert.That(current.GetArrayLength(), Is.EqualTo(1));
        Assert.That(current[0].GetProperty("expireTime").GetInt64(),
            Is.EqualTo(new DateTimeOffset(DateTime.Today).ToUnixTimeMilliseconds() + 1000), "availableTime + rentPeriod s");
    }

    [Test]
    public async Task AnOrderTheAccountCannotPayWaitsOrIsDeleted()
    {
        long suiteId = (await _host.PostAsync("CreateSuite", Suite)).GetProperty("id").GetInt64();
        Ok(await _host.PostAsync("CreateSuiteOrder", $$"""{"ownerName":"acme","ownerType":2,"suiteId":{{suiteId}},"availableTime":0}"""));
        Ok(await _host.PostAsync("CreateSuiteOrder", $$"""{"ownerName":"acme","ownerType":2,"suiteId":{{suiteId}},"availableTime":0,"failedProcessMode":2}"""));

        Assert.That((await _host.PostAsync("GetSuiteOrder", """{"ownerName":"acme","ownerType":2}""")).GetProperty("infoSuiteOrders").GetArrayLength(), Is.EqualTo(1));
        Assert.That((await _host.PostAsync("GetCurrentSuite", """{"ownerName":"acme","ownerType":2}""")).GetProperty("infoCurrentSuites").GetArrayLength(), Is.Zero);
    }

    [TestCase("ownerName")]
    [TestCase("ownerType")]
    [TestCase("suiteId")]
    [TestCase("availableTime")]
    public async Task CreateSuiteOrderWithoutAMandatoryFieldIsRefusedNamingIt(string field)
    {
        var body = System.Text.Json.Nodes.JsonNode.Parse("""{"ownerName":"acme","ownerType":2,"suiteId":1,"availableTime":0}""")!.AsObject();
        body.Remove(field);
        Refused(await _host.PostAsync("CreateSuiteOrder", body.ToJsonString()), -10002, field);
    }

    [TestCase("ownerType", "3", -10004)]
    [TestCase("failedProcessMode", "3", -10004)]
    [TestCase("rentPercent", "101", -10004)]
    [TestCase("availableTime", "1", -10004)]
    [TestCase("ownerType", "\"2\"", -10003)]
    [TestCase("suiteId", "\"1\"", -10003)]
    [TestCase("suiteId", "99", -10007)]
    [TestCase("ownerName", "\"nobody\"", -10007)]
    public async Task CreateSuiteOrderRefusesBadValues(string field, string value, int code)
    {
        long suiteId = (await _host.PostAsync("CreateSuite", Suite)).GetProperty("id").GetInt64();
        var body = System.Text.Json.Nodes.JsonNode.Parse($$"""{"ownerName":"acme","ownerType":2,"suiteId":{{suiteId}},"availableTime":0}""")!.AsObject();
        body[field] = System.Text.Json.Nodes.JsonNode.Parse(value);
        Refused(await _host.PostAsync("CreateSuiteOrder", body.ToJsonString()), code, field);
    }

    [TestCase("GetSuiteOrder", "ownerName")]
    [TestCase("GetSuiteOrder", "ownerType")]
    [TestCase("GetCurrentSuite", "ownerName")]
    [TestCase("GetCurrentSuite", "ownerType")]
    public async Task OwnerQueriesNeedBothFields(string name, string field)
    {
        var body = System.Text.Json.Nodes.JsonNode.Parse("""{"ownerName":"acme","ownerType":2}""")!.AsObject();
        body.Remove(field);
        Refused(await _host.PostAsync(name, body.ToJsonString()), -10002, field);
        Refused(await _host.PostAsync(name, """{"ownerName":"acme","ownerType":5}"""), -10004, "ownerType");
    }

    [TestCase("DeleteSuite")]
    [TestCase("DeleteSuiteOrder")]
    [TestCase("DeleteCurrentSuite")]
    [TestCase("ModifySuiteOrder")]
    public async Task IdIsMandatoryAndAnInteger(string name)
    {
        Refused(await _host.PostAsync(name, "{}"), -10002, "id");
        Refused(await _host.PostAsync(name, """{"id":"1"}"""), -10003, "id");
    }
}
