using static Softswitch.Tests.Api.VosAssert;

namespace Softswitch.Tests.Api.Billing;

/// <summary>
/// Pay (001_… §3.22), GetPayHistory (§3.46), GetConsumption (§3.64), GetAvailableTime (§3.62),
/// GetIvrSecondAvailableTime (§3.63) and the fee reports (§3.48-§3.50) over the real composition.
/// </summary>
public sealed class MoneyEndpointsTests
{
    private const string Range = """ "beginTime":"20000101000000","endTime":"20991231235959" """;

    private VosApiHost _host = null!;

    [SetUp]
    public async Task SetUp()
    {
        _host = await VosApiHost.StartAsync();
        Ok(await _host.PostAsync("CreateFeeRateGroup", """{"name":"std"}"""));
        Ok(await _host.PostAsync("ImportFeeRates", """{"feeRateGroup":"std","csv":"0086,86,China,5,0.2,60\n0086755,86755,Shenzhen,4,0.12,60\n"}"""));
        Ok(await _host.PostAsync("CreateCustomer", """{"account":"agent","name":"Agent"}"""));
        Ok(await _host.PostAsync("CreateCustomer", """{"account":"acme","name":"Acme","feeRateGroup":"std","agentAccount":"agent","limitMoney":0.5}"""));
        Ok(await _host.PostAsync("CreatePhone", """{"autoCreateAccount":false,"account":"acme","e164":"1001"}"""));
    }

    [TearDown]
    public async Task TearDown() => await _host.DisposeAsync();

    [Test]
    public async Task PayChangesMoneyAndAppearsInTheHistory()
    {
        var first = await _host.PostAsync("Pay", """{"ownerName":"acme","ownerType":2,"money":0.1,"memo":"a"}""");
        var second = await _host.PostAsync("Pay", """{"ownerName":"1001","ownerType":6,"money":0.2}""");
        var debit = await _host.PostAsync("Pay", """{"ownerName":"acme","ownerType":2,"money":-0.05}""");
        var customer = await _host.PostAsync("GetCustomer", """{"accounts":["acme"]}""");
        var history = await _host.PostAsync("GetPayHistory", $$"""{"account":"acme",{{Range}}}""");
        var byAgent = await _host.PostAsync("GetPayHistory", $$"""{"agentAccount":"agent",{{Range}}}""");
        var none = await _host.PostAsync("GetPayHistory", """{"account":"acme","beginTime":"20000101000000","endTime":"20000101000001"}""");

        Assert.That(first.GetProperty("infoPay").GetProperty("payMoney").GetDecimal(), Is.EqualTo(0.1m));
        Assert.That(second.GetProperty("infoPay").GetProperty("account").GetString(), Is.EqualTo("acme"));
        Assert.That(second.GetProperty("infoPay").GetProperty("money").GetDecimal(), Is.EqualTo(0.3m), "0.1 + 0.2 is exactly 0.3");
        Assert.That(debit.GetProperty("infoPay").GetProperty("money").GetDecimal(), Is.EqualTo(0.25m));
        Assert.That(customer.GetProperty("infoCustomers")[0].GetProperty("money").GetDouble(), Is.EqualTo(0.25));
        var lines = history.GetProperty("infoPayHistorys");
        Assert.That(lines.GetArrayLength(), Is.EqualTo(3));
        Assert.That(lines[0].GetProperty("memo").GetString(), Is.EqualTo("a"));
        Assert.That(lines[1].GetProperty("customerMoney").GetDecimal(), Is.EqualTo(0.3m));
        Assert.That(lines[2].GetProperty("type").GetInt32(), Is.EqualTo(1), "a negative payment is a deduction");
        Assert.That(lines[2].GetProperty("payType").GetInt32(), Is.Zero);
        Assert.That(byAgent.GetProperty("infoPayHistorys").GetArrayLength(), Is.EqualTo(3));
        Assert.That(none.GetProperty("infoPayHistorys").GetArrayLength(), Is.Zero);
        Assert.That((await _host.PostAsync("GetConsumption", $$"""{"account":"acme",{{Range}}}""")).GetProperty("infoConsumptions").GetArrayLength(), Is.Zero);
    }

    [Test]
    public async Task ADebitPastTheOverdraftIsRefusedAndChangesNothing()
    {
        Refused(await _host.PostAsync("Pay", """{"ownerName":"acme","ownerType":2,"money":-0.51}"""), -10004, "money");
        var history = await _host.PostAsync("GetPayHistory", $$"""{"account":"acme",{{Range}}}""");
        Assert.That(history.GetProperty("infoPayHistorys").GetArrayLength(), Is.Zero);
    }

    [TestCase("0086755123", 10.0, 87 * 60, Description = "(10 + 0.5 overdraft) / 0.12 = 87 periods")]
    [TestCase("0086123", 10.0, 3120, Description = "(10.5) / 0.2 = 52 periods")]
    [TestCase("0044123", 10.0, -91, Description = "no rate: NoFeeRate")]
    [TestCase("0086755123", -0.5, -25, Description = "nothing left: InsufficientBalance")]
    public async Task AvailableTimeIsSpendableMoneyOverTheLongestMatchingRate(string callee, double pay, int expected)
    {
        Ok(await _host.PostAsync("Pay", $$"""{"ownerName":"acme","ownerType":2,"money":{{pay.ToString(System.Globalization.CultureInfo.InvariantCulture)}}}"""));

        var answer = await _host.PostAsync("GetAvailableTime", $$"""{"billingName":"1001","billingMode":0,"calleeE164":"{{callee}}"}""");
        var ivr = await _host.PostAsync("GetIvrSecondAvailableTime", $$"""{"billingNumber":"1001","billingType":3,"calleeE164":"{{callee}}","firstE164":"0086755000"}""");

        Ok(answer);
        var info = answer.GetProperty("InfoAvailableTime");
        Assert.That(info.GetProperty("timeRemain").GetInt32(), Is.EqualTo(expected));
        Assert.That(info.GetProperty("account").GetString(), Is.EqualTo("acme"));
        Assert.That(info.GetProperty("accountMoney").GetDecimal(), Is.EqualTo((decimal)pay));
        Assert.That(ivr.GetProperty("infoIvrSecondAvailableTime").GetProperty("timeRemain").GetInt32(), Is.EqualTo(expected));
    }

    [Test]
    public async Task IvrSecondLegPaysForTheFirstLegAndStackedRates()
    {
        Ok(await _host.PostAsync("Pay", """{"ownerName":"acme","ownerType":2,"money":2.5}"""));
        // 3.0 spendable; the first leg ran 61 s at 0.12/60 s = 0.24; 2.76 left at 0.2/60 s = 13 periods.
        var afterFirst = await _host.PostAsync("GetIvrSecondAvailableTime",
            """{"billingNumber":"1001","billingType":3,"calleeE164":"0086123","firstE164":"0086755000","firstConnectTime":1000,"firstStopTime":62000}""");
        // Stacking 0.12 on 0.2: 3.0 / 0.32 = 9 periods.
        var stacked = await _host.PostAsync("GetIvrSecondAvailableTime",
            """{"billingNumber":"1001","billingType":3,"calleeE164":"0086123","firstE164":"0086755000","mergeBillingType":2,"mergeE164":"0086755000"}""");

        Assert.That(afterFirst.GetProperty("infoIvrSecondAvailableTime").GetProperty("timeRemain").GetInt32(), Is.EqualTo(13 * 60));
        Assert.That(stacked.GetProperty("infoIvrSecondAvailableTime").GetProperty("timeRemain").GetInt32(), Is.EqualTo(9 * 60));
    }

    [Test]
    public async Task ReportsSumTheCdrsByPeriodAndKey()
    {
        long day1 = new DateTimeOffset(2026, 1, 10, 12, 0, 0, TimeSpan.Zero).ToUnixTimeMilliseconds();
        long day3 = new DateTimeOffset(2026, 1, 12, 12, 0, 0, TimeSpan.Zero).ToUnixTimeMilliseconds();
        foreach (var (start, seconds, callee) in new[] { (day1, 30, "0086755111"), (day1, 70, "0086222"), (day3, 5, "0086755111") })
        {
            Ok(await _host.PostAsync("CreateCdr", $$"""{"billingMode":0,"callerE164":"1001","calleeE164":"{{callee}}","startTime":{{start}},"billingTime":{{seconds}}}"""));
        }

        var monthly = await _host.PostAsync("GetReportCustomerFee", """{"accounts":["acme"],"period":-2,"beginTime":"20260101","endTime":"20260131"}""");
        var daily = await _host.PostAsync("GetReportCustomerFee", """{"accounts":["acme"],"period":1,"beginTime":"20260101","endTime":"20260131"}""");
        var phones = await _host.PostAsync("GetReportPhoneFee", """{"account":"acme","e164s":["1001"],"period":-2,"beginTime":"20260101","endTime":"20260131"}""");
        var areas = await _host.PostAsync("GetReportCustomerLocationFee", """{"account":"acme","period":-2,"beginTime":"20260101","endTime":"20260131"}""");
        var oneArea = await _host.PostAsync("GetReportCustomerLocationFee", """{"account":"acme","areaCode":"86","period":-2,"beginTime":"20260101","endTime":"20260131"}""");

        var month = monthly.GetProperty("infoReportCustomerFees");
        Assert.That(month.GetArrayLength(), Is.EqualTo(1));
        Assert.That(month[0].GetProperty("cdrCount").GetInt64(), Is.EqualTo(3));
        // CreateCdr rates each CDR: 30 s and 5 s at Shenzhen 0.12/60 (national), 70 s at China 0.2/60 (international).
        Assert.That(month[0].GetProperty("totalTime").GetInt64(), Is.EqualTo(60 + 120 + 60), "billed time, whole periods");
        Assert.That(month[0].GetProperty("totalFee").GetDecimal(), Is.EqualTo(0.12m + 0.4m + 0.12m));
        Assert.That(month[0].GetProperty("domesticCount").GetInt32(), Is.EqualTo(2));
        Assert.That(month[0].GetProperty("internationalCount").GetInt32(), Is.EqualTo(1));
        var customer = await _host.PostAsync("GetCustomer", """{"accounts":["acme"]}""");
        Assert.That(customer.GetProperty("infoCustomers")[0].GetProperty("money").GetDecimal(), Is.EqualTo(-0.64m),
            "the payer is charged exactly what its CDRs say");
        Assert.That(month[0].GetProperty("accountName").GetString(), Is.EqualTo("Acme"));
        Assert.That(daily.GetProperty("infoReportCustomerFees").GetArrayLength(), Is.EqualTo(2));
        Assert.That(phones.GetProperty("infoReportPhoneFees")[0].GetProperty("e164").GetString(), Is.EqualTo("1001"));
        Assert.That(phones.GetProperty("infoReportPhoneFees")[0].GetProperty("agentAccount").GetString(), Is.EqualTo("agent"));
        Assert.That(areas.GetProperty("infoReportCustomerLocationFees").EnumerateArray()
            .Select(a => (a.GetProperty("areaCode").GetString(), a.GetProperty("cdrCount").GetInt64())),
            Is.EquivalentTo(new[] { ("86755", 2L), ("86", 1L) }));
        Assert.That(oneArea.GetProperty("infoReportCustomerLocationFees")[0].GetProperty("areaName").GetString(), Is.EqualTo("China"));
    }

    [TestCase("Pay", """{"ownerType":2,"money":1}""", -10002, "ownerName")]
    [TestCase("Pay", """{"ownerName":"acme","money":1}""", -10002, "ownerType")]
    [TestCase("Pay", """{"ownerName":"acme","ownerType":2}""", -10002, "money")]
    [TestCase("Pay", """{"ownerName":"acme","ownerType":3,"money":1}""", -10004, "ownerType")]
    [TestCase("Pay", """{"ownerName":"acme","ownerType":2,"money":"1"}""", -10003, "money")]
    [TestCase("Pay", """{"ownerName":"acme","ownerType":2,"money":0}""", -10004, "money")]
    [TestCase("Pay", """{"ownerName":"acme","ownerType":2,"money":1e12}""", -10004, "money")]
    [TestCase("Pay", """{"ownerName":"nobody","ownerType":2,"money":1}""", -10007, "nobody")]
    [TestCase("Pay", """{"ownerName":"9999","ownerType":6,"money":1}""", -10007, "9999")]
    [TestCase("GetPayHistory", """{"beginTime":"20260101000000","endTime":"20260102000000"}""", -10002, "account")]
    [TestCase("GetPayHistory", """{"account":"acme","endTime":"20260102000000"}""", -10002, "beginTime")]
    [TestCase("GetPayHistory", """{"account":"acme","beginTime":"2026-01-01","endTime":"20260102000000"}""", -10004, "beginTime")]
    [TestCase("GetPayHistory", """{"account":"acme","beginTime":"20260102000000","endTime":"20260101000000"}""", -10004, "endTime")]
    [TestCase("GetConsumption", """{"account":"acme","beginTime":"20260101000000"}""", -10002, "endTime")]
    [TestCase("GetAvailableTime", """{"billingMode":0,"calleeE164":"1"}""", -10002, "billingName")]
    [TestCase("GetAvailableTime", """{"billingName":"1001","billingMode":5,"calleeE164":"1"}""", -10004, "billingMode")]
    [TestCase("GetAvailableTime", """{"billingName":"1001","billingMode":"0","calleeE164":"1"}""", -10003, "billingMode")]
    [TestCase("GetAvailableTime", """{"billingName":"1001","billingMode":0,"calleeE164":"1","calleeEndpointType":2}""", -10004, "calleeEndpointType")]
    [TestCase("GetAvailableTime", """{"billingName":"404","billingMode":0,"calleeE164":"1"}""", -10007, "404")]
    [TestCase("GetAvailableTime", """{"billingName":"1001","billingMode":0,"calleeE164":"1","routingGateway":"none"}""", -10007, "none")]
    [TestCase("GetIvrSecondAvailableTime", """{"billingNumber":"1001","billingType":3,"calleeE164":"1"}""", -10002, "firstE164")]
    [TestCase("GetIvrSecondAvailableTime", """{"billingNumber":"1001","billingType":4,"calleeE164":"1","firstE164":"2"}""", -10004, "billingType")]
    [TestCase("GetIvrSecondAvailableTime", """{"billingNumber":"1001","billingType":3,"calleeE164":"1","firstE164":"2","mergeBillingType":1}""", -10002, "mergeE164")]
    [TestCase("GetReportCustomerFee", """{"period":1,"beginTime":"20260101","endTime":"20260102"}""", -10002, "accounts")]
    [TestCase("GetReportCustomerFee", """{"accounts":["acme"],"period":0,"beginTime":"20260101","endTime":"20260102"}""", -10004, "period")]
    [TestCase("GetReportCustomerFee", """{"accounts":["acme"],"period":"1","beginTime":"20260101","endTime":"20260102"}""", -10003, "period")]
    [TestCase("GetReportPhoneFee", """{"period":1,"beginTime":"20260101","endTime":"20260102"}""", -10002, "account")]
    [TestCase("GetReportCustomerLocationFee", """{"account":"acme","period":1,"beginTime":"2026","endTime":"20260102"}""", -10004, "beginTime")]
    public async Task Refuses(string name, string body, int code, string field) =>
        Refused(await _host.PostAsync(name, body), code, field);
}
