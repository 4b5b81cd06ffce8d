using System.Text.Json;
using Softswitch.Api.Vos;

namespace Softswitch.Tests.Api.Customers;

public class CustomerEndpointsTests
{
    private VosApiHost _host = null!;

    [SetUp]
    public async Task SetUp() => _host = await VosApiHost.StartAsync();

    [TearDown]
    public async Task TearDown() => await _host.DisposeAsync();

    private static int RetCode(JsonElement e) => e.GetProperty("retCode").GetInt32();

    private static string Reason(JsonElement e) => e.GetProperty("exception").GetString()!;

    [Test]
    public async Task CreateGetModifyGetDeleteGet()
    {
        var created = await _host.PostAsync("CreateCustomer",
            """{"account":"acme","name":"Acme","money":10.5,"type":2,"infoCustomerAdditional":{"email":"a@x","cardType":1}}""");
        var got = await _host.PostAsync("GetCustomer", """{"accounts":["acme"]}""");
        var modified = await _host.PostAsync("ModifyCustomer", """{"account":"acme","name":"Acme 2","lockType":1,"memo":"m"}""");
        var gotAgain = await _host.PostAsync("GetCustomer", """{"accounts":["acme"]}""");
        var deleted = await _host.PostAsync("DeleteCustomer", """{"account":"acme"}""");
        var gone = await _host.PostAsync("GetCustomer", """{"accounts":["acme"]}""");
        var deletedAgain = await _host.PostAsync("DeleteCustomer", """{"account":"acme"}""");

        Assert.That(RetCode(created), Is.Zero);
        var info = got.GetProperty("infoCustomers")[0];
        Assert.That(info.GetProperty("name").GetString(), Is.EqualTo("Acme"));
        Assert.That(info.GetProperty("money").GetDouble(), Is.EqualTo(10.5));
        Assert.That(info.GetProperty("type").GetInt32(), Is.EqualTo(2));
        Assert.That(info.GetProperty("infoCustomerAdditional").GetProperty("email").GetString(), Is.EqualTo("a@x"));
        Assert.That(info.GetProperty("canceled").GetBoolean(), Is.False);
        Assert.That(info.GetProperty("bindedE164s").GetArrayLength(), Is.Zero);
        Assert.That(RetCode(modified), Is.Zero);
        var after = gotAgain.GetProperty("infoCustomers")[0];
        Assert.That(after.GetProperty("name").GetString(), Is.EqualTo("Acme 2"));
        Assert.That(after.GetProperty("lockType").GetInt32(), Is.EqualTo(1));
        Assert.That(after.GetProperty("memo").GetString(), Is.EqualTo("m"));
        Assert.That(after.GetProperty("money").GetDouble(), Is.EqualTo(10.5));
        Assert.That(RetCode(deleted), Is.Zero);
        Assert.That(RetCode(gone), Is.Zero);
        Assert.That(gone.GetProperty("infoCustomers").GetArrayLength(), Is.Zero);
        Assert.That(RetCode(deletedAgain), Is.EqualTo(-10007));
    }

    [Test]
    public async Task EmptyBodyNamesTheMissingMandatoryField()
    {
        var result = await _host.PostAsync("CreateCustomer", "{}");

        Assert.That(RetCode(result), Is.EqualTo((int)VosRetCode.MissingField));
        Assert.That(Reason(result), Does.Contain("account"));
    }

    [Test]
    public async Task NameIsMandatoryToo()
    {
        var result = await _host.PostAsync("CreateCustomer", """{"account":"acme"}""");

        Assert.That(RetCode(result), Is.EqualTo((int)VosRetCode.MissingField));
        Assert.That(Reason(result), Does.Contain("name"));
    }

    [TestCase("""{"account":"acme","name":"A","money":"10"}""", "money")]
    [TestCase("""{"account":"acme","name":"A","type":"1"}""", "type")]
    [TestCase("""{"account":"acme","name":"A","type":1.5}""", "type")]
    [TestCase("""{"account":123,"name":"A"}""", "account")]
    [TestCase("""{"account":"acme","name":"A","infoCustomerAdditional":{"cardType":true}}""", "infoCustomerAdditional.cardType")]
    [TestCase("""{"account":"acme","name":"A","infoCustomerAdditional":"x"}""", "infoCustomerAdditional")]
    public async Task WrongTypesAreRefusedNotCoerced(string body, string field)
    {
        var result = await _host.PostAsync("CreateCustomer", body);
        var get = await _host.PostAsync("GetCustomer", """{"accounts":["acme"]}""");

        Assert.That(RetCode(result), Is.EqualTo((int)VosRetCode.WrongType));
        Assert.That(Reason(result), Does.Contain($"'{field}'"));
        Assert.That(get.GetProperty("infoCustomers").GetArrayLength(), Is.Zero);
    }

    [TestCase("""{"account":"acme","name":""")]
    [TestCase("""{"account":"acme",}""")]
    [TestCase("""not json""")]
    [TestCase("""{"account":"a","account":"b","name":"x"}""")]
    [TestCase("""["account"]""")]
    public async Task MalformedJsonIsRefused(string body)
    {
        var result = await _host.PostAsync("CreateCustomer", body);

        Assert.That(RetCode(result), Is.EqualTo((int)VosRetCode.MalformedJson));
    }

    [Test]
    public async Task DuplicateCreateIsRefusedAndOutOfRangeNamesTheField()
    {
        await _host.PostAsync("CreateCustomer", """{"account":"acme","name":"A"}""");

        var duplicate = await _host.PostAsync("CreateCustomer", """{"account":"acme","name":"B"}""");
        var range = await _host.PostAsync("CreateCustomer", """{"account":"x","name":"B","lockType":5}""");

        Assert.That(RetCode(duplicate), Is.EqualTo((int)VosRetCode.Duplicate));
        Assert.That(RetCode(range), Is.EqualTo((int)VosRetCode.OutOfRange));
        Assert.That(Reason(range), Does.Contain("lockType"));
    }

    [Test]
    public async Task UnknownFieldsAreIgnoredAndTheManualsContentTypeIsAnsweredInKind()
    {
        var response = await _host.PostRawAsync("CreateCustomer", """{"account":"acme","name":"A","colour":"blue"}""",
            "text/html;charset=UTF-8");
        string body = await response.Content.ReadAsStringAsync();

        Assert.That((int)response.StatusCode, Is.EqualTo(200));
        Assert.That(response.Content.Headers.ContentType!.MediaType, Is.EqualTo("text/html"));
        Assert.That(JsonDocument.Parse(body).RootElement.GetProperty("retCode").GetInt32(), Is.Zero);
    }

    [Test]
    public async Task OtherCharsetsAndOversizedBodiesAreRefused()
    {
        var charset = await _host.PostAsync("CreateCustomer", """{"account":"a","name":"b"}""", "application/json; charset=iso-8859-1");
        string big = $$"""{"account":"a","name":"b","memo":"{{new string('x', 1_100_000)}}"}""";
        var tooLarge = await _host.PostAsync("CreateCustomer", big);

        Assert.That(RetCode(charset), Is.EqualTo((int)VosRetCode.UnsupportedCharset));
        Assert.That(RetCode(tooLarge), Is.EqualTo((int)VosRetCode.BodyTooLarge));
    }

    [Test]
    public async Task DeleteWithPhonesIsRefusedAsDependency()
    {
        await _host.PostAsync("CreateCustomer", """{"account":"acme","name":"A"}""");
        await _host.PostAsync("CreatePhone", """{"autoCreateAccount":false,"e164":"1001","account":"acme","password":"pw"}""");

        var result = await _host.PostAsync("DeleteCustomer", """{"account":"acme"}""");

        Assert.That(RetCode(result), Is.EqualTo((int)VosRetCode.DependencyExists));
    }

    [Test]
    public async Task GetCustomerNeedsASelectorAndChecksTheAgentFilter()
    {
        var none = await _host.PostAsync("GetCustomer", "{}");
        var badFilter = await _host.PostAsync("GetCustomer", """{"filterAgentAccount":{"filterAgentAccount":"x"}}""");
        var unknown = await _host.PostAsync("NoSuchInterface", "{}");

        Assert.That(RetCode(none), Is.EqualTo((int)VosRetCode.MissingField));
        Assert.That(RetCode(badFilter), Is.EqualTo((int)VosRetCode.MissingField));
        Assert.That(Reason(badFilter), Does.Contain("querySonMode"));
        Assert.That(RetCode(unknown), Is.EqualTo((int)VosRetCode.UnknownInterface));
    }
}
