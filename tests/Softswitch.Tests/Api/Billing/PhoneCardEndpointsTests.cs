using System.Text.Json.Nodes;
using static Softswitch.Tests.Api.VosAssert;

namespace Softswitch.Tests.Api.Billing;

/// <summary>
/// Active phone cards (001_… §3.32-§3.35), recharge cards (GetPhoneCard §3.84, PayByPhoneCard §3.58,
/// PhoneCardActive §3.59) and the CreatePhoneCard extension over the real composition.
/// </summary>
public sealed class PhoneCardEndpointsTests
{
    /// <summary>Recharge (1&lt;&lt;4) with the face value to the balance (1&lt;&lt;7).</summary>
    private const string RechargeCard = """{"pin":"90000001","password":"123456","money":50,"bitsOfConfig":144,"memo":"batch 7"}""";

    private VosApiHost _host = null!;

    [SetUp]
    public async Task SetUp()
    {
        _host = await VosApiHost.StartAsync();
        Ok(await _host.PostAsync("CreateFeeRateGroup", """{"name":"std"}"""));
        Ok(await _host.PostAsync("CreateFeeRateGroup", """{"name":"gold"}"""));
        Ok(await _host.PostAsync("CreateCustomer", """{"account":"agent","name":"Agent"}"""));
        Ok(await _host.PostAsync("CreateCustomer", """{"account":"acme","name":"Acme","feeRateGroup":"std"}"""));
        Ok(await _host.PostAsync("CreateCustomer", """{"account":"other","name":"Other"}"""));
        Ok(await _host.PostAsync("CreatePhone", """{"autoCreateAccount":false,"account":"acme","e164":"1001"}"""));
    }

    [TearDown]
    public async Task TearDown() => await _host.DisposeAsync();

    [Test]
    public async Task ActiveCardLifecycleCreateGetModifyGetDeleteGet()
    {
        var created = await _host.PostAsync("CreateActivePhoneCard", """{"pin":"80001234","account":"acme","displayE164":"1001","bindLimit":2,"memo":"m"}""");
        Ok(created);
        long generated = created.GetProperty("password").GetInt64();
        Assert.That(generated.ToString(System.Globalization.CultureInfo.InvariantCulture), Has.Length.EqualTo(8));

        var card = await GetActive("""{"pins":["80001234"]}""");
        Assert.That(card.GetProperty("account").GetString(), Is.EqualTo("acme"));
        Assert.That(card.GetProperty("password").GetString(), Is.EqualTo(generated.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        Assert.That(card.GetProperty("displayE164").GetString(), Is.EqualTo("1001"));
        Assert.That(card.GetProperty("bindLimit").GetInt32(), Is.EqualTo(2));
        Assert.That(card.GetProperty("activeTime").GetInt64(), Is.GreaterThan(0));
        Assert.That((await _host.PostAsync("GetActivePhoneCard", """{"accounts":["acme"]}""")).GetProperty("infoActivePhoneCards").GetArrayLength(), Is.EqualTo(1));

        Ok(await _host.PostAsync("ModifyActivePhoneCard", """{"pin":"80001234","account":"other","password":"4321","memo":"n"}"""));
        card = await GetActive("""{"pins":["80001234"]}""");
        Assert.That(card.GetProperty("account").GetString(), Is.EqualTo("other"));
        Assert.That(card.GetProperty("password").GetString(), Is.EqualTo("4321"));
        Assert.That(card.GetProperty("memo").GetString(), Is.EqualTo("n"));
        Assert.That(card.GetProperty("bindLimit").GetInt32(), Is.EqualTo(2), "fields not given stay");

        Refused(await _host.PostAsync("CreateActivePhoneCard", """{"pin":"80001234","account":"acme"}"""), -10005, "pin");
        Ok(await _host.PostAsync("DeleteActivePhoneCard", """{"pin":"80001234"}"""));
        Assert.That((await _host.PostAsync("GetActivePhoneCard", """{"pins":["80001234"]}""")).GetProperty("infoActivePhoneCards").GetArrayLength(), Is.Zero);
        Refused(await _host.PostAsync("DeleteActivePhoneCard", """{"pin":"80001234"}"""), -10007, "pin");
        Refused(await _host.PostAsync("ModifyActivePhoneCard", """{"pin":"80001234","memo":"x"}"""), -10007, "pin");
    }

    [Test]
    public async Task AnActiveCardWithBoundNumbersCannotBeDeletedAndPaysForThem()
    {
        Ok(await _host.PostAsync("CreateActivePhoneCard", """{"pin":"80001234","account":"acme","password":"1"}"""));
        Ok(await _host.PostAsync("CreateBindedE164", """{"e164":"13800000000","pin":"80001234"}"""));

        Refused(await _host.PostAsync("DeleteActivePhoneCard", """{"pin":"80001234"}"""), -10006, "pin");
        Refused(await _host.PostAsync("ModifyActivePhoneCard", """{"pin":"80001234","bindLimit":0}"""), -10004, "bindLimit");
        var paid = await _host.PostAsync("Pay", """{"ownerName":"13800000000","ownerType":25,"money":1}""");
        Assert.That(paid.GetProperty("infoPay").GetProperty("account").GetString(), Is.EqualTo("acme"));
        var bound = await _host.PostAsync("GetBindedE164", """{"pin":"80001234"}""");
        Assert.That(bound.ToString(), Does.Contain("acme"), "a bound number names its card's account");

        Ok(await _host.PostAsync("DeleteBindedE164", """{"e164":"13800000000"}"""));
        Ok(await _host.PostAsync("DeleteActivePhoneCard", """{"pin":"80001234"}"""));
    }

    [TestCase("CreateActivePhoneCard", """{"account":"acme"}""", "pin")]
    [TestCase("CreateActivePhoneCard", """{"pin":"8000"}""", "account")]
    [TestCase("ModifyActivePhoneCard", """{"memo":"x"}""", "pin")]
    [TestCase("DeleteActivePhoneCard", "{}", "pin")]
    [TestCase("GetActivePhoneCard", "{}", "pins")]
    [TestCase("GetPhoneCard", "{}", "pin")]
    [TestCase("PayByPhoneCard", """{"ownerType":2,"pin":"90000001"}""", "ownerName")]
    [TestCase("PayByPhoneCard", """{"ownerName":"acme","pin":"90000001"}""", "ownerType")]
    [TestCase("PayByPhoneCard", """{"ownerName":"acme","ownerType":2}""", "pin")]
    [TestCase("PhoneCardActive", "{}", "pin")]
    [TestCase("CreatePhoneCard", """{"money":1,"bitsOfConfig":16}""", "pin")]
    [TestCase("CreatePhoneCard", """{"pin":"9","bitsOfConfig":16}""", "money")]
    [TestCase("CreatePhoneCard", """{"pin":"9","money":1}""", "bitsOfConfig")]
    public async Task AMissingMandatoryFieldIsRefusedNamingIt(string name, string body, string field) =>
        Refused(await _host.PostAsync(name, body), -10002, field);

    [TestCase("CreateActivePhoneCard", """{"pin":"8000","account":"acme","bindLimit":-1}""", -10004, "bindLimit")]
    [TestCase("CreateActivePhoneCard", """{"pin":"8000","account":"acme","bindLimit":"2"}""", -10003, "bindLimit")]
    [TestCase("CreateActivePhoneCard", """{"pin":8000,"account":"acme"}""", -10003, "pin")]
    [TestCase("CreateActivePhoneCard", """{"pin":"8000","account":"nobody"}""", -10007, "account")]
    [TestCase("PayByPhoneCard", """{"ownerName":"acme","ownerType":3,"pin":"90000001"}""", -10004, "ownerType")]
    [TestCase("PayByPhoneCard", """{"ownerName":"acme","ownerType":"2","pin":"90000001"}""", -10003, "ownerType")]
    [TestCase("PayByPhoneCard", """{"ownerName":"acme","ownerType":2,"pin":"nope"}""", -10007, "pin")]
    [TestCase("PayByPhoneCard", """{"ownerName":"nobody","ownerType":2,"pin":"90000001"}""", -10007, "ownerName")]
    [TestCase("PayByPhoneCard", """{"ownerName":"acme","ownerType":2,"pin":"90000001","password":"bad"}""", -10004, "password")]
    [TestCase("CreatePhoneCard", """{"pin":"9","money":1,"bitsOfConfig":1}""", -10004, "bitsOfConfig")]
    [TestCase("CreatePhoneCard", """{"pin":"9","money":1,"bitsOfConfig":256}""", -10004, "bitsOfConfig")]
    [TestCase("CreatePhoneCard", """{"pin":"9","money":-1,"bitsOfConfig":16}""", -10004, "money")]
    [TestCase("CreatePhoneCard", """{"pin":"9","money":"1","bitsOfConfig":16}""", -10003, "money")]
    [TestCase("CreatePhoneCard", """{"pin":"9","money":1,"bitsOfConfig":16,"feeRateGroup":"none"}""", -10007, "feeRateGroup")]
    [TestCase("CreatePhoneCard", """{"pin":"90000001","money":1,"bitsOfConfig":16}""", -10005, "pin")]
    [TestCase("GetPhoneCard", """{"pin":"90000001","password":"bad"}""", -10007, "pin")]
    public async Task BadValuesAreRefused(string name, string body, int code, string field)
    {
        Ok(await _host.PostAsync("CreatePhoneCard", RechargeCard));
        Refused(await _host.PostAsync(name, body), code, field);
    }

    [Test]
    public async Task PayByPhoneCardCreditsTheFaceValueOnceAndMarksTheCardUsed()
    {
        Ok(await _host.PostAsync("CreatePhoneCard", RechargeCard));
        var fresh = (await _host.PostAsync("GetPhoneCard", """{"pin":"90000001","password":"123456"}""")).GetProperty("infoPhoneCard");
        Assert.That(fresh.GetProperty("money").GetDecimal(), Is.EqualTo(50m));
        Assert.That(fresh.GetProperty("bitsOfConfig").GetInt32(), Is.EqualTo(144));
        Assert.That(fresh.TryGetProperty("usedTime", out _), Is.False, "an unused card has no usedTime");

        var paid = await _host.PostAsync("PayByPhoneCard", """{"ownerName":"1001","ownerType":6,"pin":"90000001","password":"123456","memo":"card"}""");
        Ok(paid);
        Assert.That(paid.GetProperty("infoPay").GetProperty("account").GetString(), Is.EqualTo("acme"));
        Assert.That(paid.GetProperty("infoPay").GetProperty("payMoney").GetDecimal(), Is.EqualTo(50m));
        Assert.That(paid.GetProperty("infoPay").GetProperty("money").GetDecimal(), Is.EqualTo(50m));

        Refused(await _host.PostAsync("PayByPhoneCard", """{"ownerName":"acme","ownerType":2,"pin":"90000001"}"""), -10005, "pin");
        var used = (await _host.PostAsync("GetPhoneCard", """{"pin":"90000001"}""")).GetProperty("infoPhoneCard");
        Assert.That(used.GetProperty("usedAccount").GetString(), Is.EqualTo("acme"));
        Assert.That(used.GetProperty("usedTime").GetInt64(), Is.GreaterThan(0));
        var history = (await _host.PostAsync("GetPayHistory", """{"account":"acme","beginTime":"20000101000000","endTime":"20991231235959"}""")).GetProperty("infoPayHistorys");
        Assert.That(history.GetArrayLength(), Is.EqualTo(1));
        Assert.That(history[0].GetProperty("payType").GetInt32(), Is.EqualTo(2), "recharge card");
        var customer = (await _host.PostAsync("GetCustomer", """{"accounts":["acme"]}""")).GetProperty("infoCustomers")[0];
        Assert.That(customer.GetProperty("money").GetDouble(), Is.EqualTo(50.0));
    }

    [Test]
    public async Task ConcurrentUsesOfOneCardCreditOnce()
    {
        Ok(await _host.PostAsync("CreatePhoneCard", RechargeCard));
        var answers = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => _host.PostAsync("PayByPhoneCard",
            $$"""{"ownerName":"{{(i % 2 == 0 ? "acme" : "other")}}","ownerType":2,"pin":"90000001"}""")));

        Assert.That(answers.Count(a => RetCode(a) == 0), Is.EqualTo(1));
        Assert.That(answers.Where(a => RetCode(a) != 0).Select(RetCode), Is.All.EqualTo(-10005));
        var customers = (await _host.PostAsync("GetCustomer", """{"accounts":["acme","other"]}""")).GetProperty("infoCustomers");
        Assert.That(customers.EnumerateArray().Sum(c => c.GetProperty("money").GetDouble()), Is.EqualTo(50.0));
    }

    [Test]
    public async Task ACardMayReplaceTheFeeRateGroupAndOrderItsSuites()
    {
        long suiteId = (await _host.PostAsync("CreateSuite", """{"name":"s","rentPeriod":1,"rentType":1,"nonholonomicOrder":true,"rentFee":10,"minConsumption":0,"lowerConsumption":0,"giftMoney":0}""")).GetProperty("id").GetInt64();
        Ok(await _host.PostAsync("CreatePhoneCard", """{"pin":"7","money":50,"bitsOfConfig":240,"feeRateGroup":"gold","suiteNames":["s"]}"""));
        Refused(await _host.PostAsync("CreatePhoneCard", """{"pin":"8","money":50,"bitsOfConfig":240,"suiteNames":["none"]}"""), -10007, "suiteNames[0]");

        Ok(await _host.PostAsync("PayByPhoneCard", """{"ownerName":"acme","ownerType":2,"pin":"7"}"""));

        var customer = (await _host.PostAsync("GetCustomer", """{"accounts":["acme"]}""")).GetProperty("infoCustomers")[0];
        Assert.That(customer.GetProperty("feeRateGroup").GetString(), Is.EqualTo("gold"));
        Assert.That(customer.GetProperty("money").GetDouble(), Is.EqualTo(40.0), "50 face value, 10 rent");
        var current = (await _host.PostAsync("GetCurrentSuite", """{"ownerName":"acme","ownerType":2}""")).GetProperty("infoCurrentSuites");
        Assert.That(current[0].GetProperty("suiteId").GetInt64(), Is.EqualTo(suiteId));
    }

    [Test]
    public async Task ACardWithoutTheRechargeBitOrExpiredIsRefused()
    {
        Ok(await _host.PostAsync("CreatePhoneCard", """{"pin":"1","money":5,"bitsOfConfig":2}"""));
        Ok(await _host.PostAsync("CreatePhoneCard", """{"pin":"2","money":5,"bitsOfConfig":144,"expireTime":1000}"""));
        Refused(await _host.PostAsync("PayByPhoneCard", """{"ownerName":"acme","ownerType":2,"pin":"1"}"""), -10004, "pin");
        Refused(await _host.PostAsync("PayByPhoneCard", """{"ownerName":"acme","ownerType":2,"pin":"2"}"""), -10004, "pin");
    }

    [Test]
    public async Task PhoneCardActiveOpensAnAccountWithCardPhoneAndBoundNumber()
    {
        Ok(await _host.PostAsync("CreatePhoneCard", """{"pin":"555001","password":"99","money":20,"limitMoney":1,"bitsOfConfig":142,"feeRateGroup":"std","agentAccount":"agent"}"""));

        Ok(await _host.PostAsync("PhoneCardActive", """{"pin":"555001","password":"99","bindedE164":"13900000000"}"""));

        var customer = (await _host.PostAsync("GetCustomer", """{"accounts":["555001"]}""")).GetProperty("infoCustomers")[0];
        Assert.That(customer.GetProperty("money").GetDouble(), Is.EqualTo(20.0));
        Assert.That(customer.GetProperty("feeRateGroup").GetString(), Is.EqualTo("std"));
        Assert.That(customer.GetProperty("agentAccount").GetString(), Is.EqualTo("agent"));
        Assert.That((await GetActive("""{"pins":["555001"]}""")).GetProperty("password").GetString(), Is.EqualTo("99"));
        Assert.That((await _host.PostAsync("GetPhone", """{"e164s":["555001"]}""")).GetProperty("infoPhones").GetArrayLength(), Is.EqualTo(1));
        Assert.That((await _host.PostAsync("GetBindedE164", """{"pin":"555001"}""")).ToString(), Does.Contain("13900000000"));
        Refused(await _host.PostAsync("PhoneCardActive", """{"pin":"555001"}"""), -10005, "pin");
    }

    [Test]
    public async Task PhoneCardActiveNeedsTheOpenAccountBit()
    {
        Ok(await _host.PostAsync("CreatePhoneCard", RechargeCard));
        Refused(await _host.PostAsync("PhoneCardActive", """{"pin":"90000001"}"""), -10004, "pin");
        Refused(await _host.PostAsync("PhoneCardActive", """{"pin":"nope"}"""), -10007, "pin");
    }

    private async Task<System.Text.Json.JsonElement> GetActive(string body)
    {
        var answer = await _host.PostAsync("GetActivePhoneCard", body);
        Ok(answer);
        return answer.GetProperty("infoActivePhoneCards")[0];
    }
}
