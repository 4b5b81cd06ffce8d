using System.Text.Json;
using Softswitch.Api.Vos;

namespace Softswitch.Tests.Api.Ivr;

/// <summary>CallBack, PlayAudio, ReserveCalleeE164 and DisconnectIvrCall (001_… §3.60, §3.61, §3.66, §3.89).</summary>
public class IvrCallEndpointsTests
{
    private const string Access = "\"accessE164\":\"8001\",\"accessE164Password\":\"pw8001\"";
    private VosApiHost _host = null!;

    [SetUp]
    public async Task SetUp()
    {
        _host = await VosApiHost.StartAsync();
        Assert.That(RetCode(await _host.PostAsync("CreateCustomer", """{"account":"acme","name":"Acme"}""")), Is.Zero);
        Assert.That(RetCode(await _host.PostAsync("CreatePhone",
            """{"autoCreateAccount":false,"e164":"8001","account":"acme","password":"pw8001"}""")), Is.Zero);
        Assert.That(RetCode(await _host.PostAsync("CreateIvrAudio", """{"type":5,"name":"notice","language":"zh"}""")), Is.Zero);
    }

    [TearDown]
    public async Task TearDown() => await _host.DisposeAsync();

    private static int RetCode(JsonElement e) => e.GetProperty("retCode").GetInt32();

    [Test]
    public async Task AValidCallBackIsRefusedAsNotAvailableAndClaimsNoCall()
    {
        var result = await _host.PostAsync("CallBack",
            $$"""{"callerE164":"13800138000","calleeE164s":"13900139000,13700137000",{{Access}},"callbackBillingE164":"8001","callbackBillingPassword":"pw8001","transactionId":"order-1"}""");
        var again = await _host.PostAsync("CallBack",
            $$"""{"callerE164":"13800138000","calleeE164s":"13900139000",{{Access}},"transactionId":"order-1"}""");

        Assert.That(RetCode(result), Is.EqualTo((int)VosRetCode.NotAvailable), result.ToString());
        Assert.That(result.TryGetProperty("callIdentifier", out _), Is.False, "no call identifier for a call that is not placed");
        Assert.That(result.GetProperty("exception").GetString(), Does.Contain("nothing was placed"));
        Assert.That(RetCode(again), Is.EqualTo((int)VosRetCode.NotAvailable), "nothing was stored: the transactionId is not taken");
    }

    [Test]
    public async Task AValidPlayAudioIsRefusedAsNotAvailable()
    {
        var result = await _host.PostAsync("PlayAudio",
            $$"""{"audioes":"notice","language":"zh","callee":"13900139000",{{Access}},"billingNumber":"8001","billingNumberType":0}""");

        Assert.That(RetCode(result), Is.EqualTo((int)VosRetCode.NotAvailable), result.ToString());
        Assert.That(result.TryGetProperty("callIdentifier", out _), Is.False);
    }

    [Test]
    public async Task ReserveCalleeReplacesTheCallersEarlierReservation()
    {
        var first = await _host.PostAsync("ReserveCalleeE164", $$"""{"callerE164":"1380","calleeE164":"1390",{{Access}}}""");
        var second = await _host.PostAsync("ReserveCalleeE164", $$"""{"callerE164":"1380","calleeE164":"1391",{{Access}}}""");

        Assert.That(RetCode(first), Is.Zero);
        Assert.That(RetCode(second), Is.Zero);
    }

    [TestCase("CallBack", $$"""{"calleeE164s":"139",{{Access}}}""", VosRetCode.MissingField, "callerE164")]
    [TestCase("CallBack", $$"""{"callerE164":"138",{{Access}}}""", VosRetCode.MissingField, "calleeE164s")]
    [TestCase("CallBack", """{"callerE164":"138","calleeE164s":"139","accessE164Password":"pw8001"}""", VosRetCode.MissingField, "accessE164")]
    [TestCase("CallBack", """{"callerE164":"138","calleeE164s":"139","accessE164":"8001"}""", VosRetCode.MissingField, "accessE164Password")]
    [TestCase("CallBack", """{"callerE164":"138","calleeE164s":"139","accessE164":"8001","accessE164Password":"nope"}""", VosRetCode.NotFound, "accessE164 or accessE164Password")]
    [TestCase("CallBack", """{"callerE164":"138","calleeE164s":"139","accessE164":"9999","accessE164Password":"pw8001"}""", VosRetCode.NotFound, "accessE164 or accessE164Password")]
    [TestCase("CallBack", $$"""{"callerE164":138,"calleeE164s":"139",{{Access}}}""", VosRetCode.WrongType, "callerE164")]
    [TestCase("CallBack", $$"""{"callerE164":"138","calleeE164s":["139"],{{Access}}}""", VosRetCode.WrongType, "calleeE164s")]
    [TestCase("CallBack", $$"""{"callerE164":"138","calleeE164s":"139,",{{Access}}}""", VosRetCode.OutOfRange, "calleeE164s")]
    [TestCase("CallBack", $$"""{"callerE164":"138","calleeE164s":"139",{{Access}},"transactionId":"a b"}""", VosRetCode.OutOfRange, "transactionId")]
    [TestCase("CallBack", $$"""{"callerE164":"138","calleeE164s":"139",{{Access}},"calloutBillingE164":"8001","calloutBillingPassword":"x"}""", VosRetCode.NotFound, "calloutBilling")]
    [TestCase("CallBack", $$"""{"callerE164":"138","calleeE164s":"139",{{Access}},"callbackBillingPassword":"x"}""", VosRetCode.MissingField, "callbackBillingE164")]
    [TestCase("PlayAudio", $$"""{"callee":"139",{{Access}}}""", VosRetCode.MissingField, "audioes")]
    [TestCase("PlayAudio", $$"""{"audioes":"notice",{{Access}}}""", VosRetCode.MissingField, "callee")]
    [TestCase("PlayAudio", $$"""{"audioes":"nothing","callee":"139",{{Access}}}""", VosRetCode.NotFound, "nothing")]
    [TestCase("PlayAudio", $$"""{"audioes":"notice","language":"en","callee":"139",{{Access}}}""", VosRetCode.NotFound, "'en'")]
    [TestCase("PlayAudio", $$"""{"audioes":"notice","callee":"139",{{Access}},"billingNumberType":1}""", VosRetCode.OutOfRange, "billingNumberType")]
    [TestCase("PlayAudio", $$"""{"audioes":"notice","callee":"139",{{Access}},"billingNumberType":"0"}""", VosRetCode.WrongType, "billingNumberType")]
    [TestCase("ReserveCalleeE164", $$"""{"calleeE164":"139",{{Access}}}""", VosRetCode.MissingField, "callerE164")]
    [TestCase("ReserveCalleeE164", $$"""{"callerE164":"138",{{Access}}}""", VosRetCode.MissingField, "calleeE164")]
    [TestCase("ReserveCalleeE164", """{"callerE164":"138","calleeE164":"139","accessE164Password":"pw8001"}""", VosRetCode.MissingField, "accessE164")]
    [TestCase("ReserveCalleeE164", """{"callerE164":"138","calleeE164":"139","accessE164":"8001"}""", VosRetCode.MissingField, "accessE164Password")]
    [TestCase("ReserveCalleeE164", """{"callerE164":"138","calleeE164":"139","accessE164":"8001","accessE164Password":"bad"}""", VosRetCode.NotFound, "accessE164Password")]
    [TestCase("ReserveCalleeE164", $$"""{"callerE164":"138","calleeE164":139,{{Access}}}""", VosRetCode.WrongType, "calleeE164")]
    [TestCase("DisconnectIvrCall", "{}", VosRetCode.MissingField, "callIdentifiers")]
    [TestCase("DisconnectIvrCall", """{"callIdentifiers":[]}""", VosRetCode.MissingField, "callIdentifiers")]
    [TestCase("DisconnectIvrCall", """{"callIdentifiers":"1"}""", VosRetCode.WrongType, "callIdentifiers")]
    [TestCase("DisconnectIvrCall", """{"callIdentifiers":[1]}""", VosRetCode.WrongType, "callIdentifiers")]
    [TestCase("DisconnectIvrCall", """{"callIdentifiers":["17723592000000011"]}""", VosRetCode.NotFound, "17723592000000011")]
    public async Task BadInputIsRefusedWithTheFieldNamed(string name, string body, VosRetCode code, string mention)
    {
        var result = await _host.PostAsync(name, body);

        Assert.That(RetCode(result), Is.EqualTo((int)code), result.ToString());
        Assert.That(result.GetProperty("exception").GetString(), Does.Contain(mention));
    }
}
