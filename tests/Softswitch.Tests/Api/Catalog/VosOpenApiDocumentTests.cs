using System.Text.Json;

namespace Softswitch.Tests.Api.Catalog;

/// <summary>/openapi.json and the test page are generated from the catalog (001_… §2.3).</summary>
public sealed class VosOpenApiDocumentTests
{
    private VosApiHost _host = null!;
    private JsonElement _doc;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        _host = await VosApiHost.StartAsync();
        string text = await _host.Client.GetStringAsync(new Uri("/openapi.json", UriKind.Relative));
        _doc = JsonDocument.Parse(text).RootElement.Clone();
    }

    [OneTimeTearDown]
    public async Task StopAsync() => await _host.DisposeAsync();

    [Test]
    public void IsOpenApi30WithOnePostPerInterface()
    {
        Assert.That(_doc.GetProperty("openapi").GetString(), Does.StartWith("3.0"));
        var paths = _doc.GetProperty("paths").EnumerateObject().ToArray();
        Assert.That(paths.Select(p => p.Name), Does.Contain("/external/server/CreateCustomer"));
        Assert.That(paths.Select(p => p.Value.EnumerateObject().Single().Name), Has.All.EqualTo("post"));
    }

    [Test]
    public void TheRequestSchemaUsesTheWireNamesAndTheMandatoryList()
    {
        var media = Media("CreateCustomer");
        var schema = media.GetProperty("schema");

        Assert.That(schema.GetProperty("properties").EnumerateObject().Select(p => p.Name),
            Is.SupersetOf(new[] { "account", "name", "money", "limitMoney", "infoCustomerAdditional" }));
        Assert.That(schema.GetProperty("properties").GetProperty("money").GetProperty("type").GetString(), Is.EqualTo("number"));
        Assert.That(schema.GetProperty("properties").GetProperty("validTime").GetProperty("format").GetString(), Is.EqualTo("int64"));
        Assert.That(schema.GetProperty("properties").GetProperty("infoCustomerAdditional").GetProperty("$ref").GetString(),
            Is.EqualTo("#/components/schemas/CustomerAdditional"));
        Assert.That(schema.GetProperty("required").EnumerateArray().Select(e => e.GetString()), Is.EqualTo(new[] { "account", "name" }));
        Assert.That(media.GetProperty("example").GetProperty("account").GetString(), Is.EqualTo("acme"));
    }

    [Test]
    public void NestedMandatoryFieldsAndRenamedPropertiesAreKept()
    {
        var filter = Media("GetCustomer").GetProperty("schema").GetProperty("properties").GetProperty("filterAgentAccount");

        Assert.That(filter.GetProperty("properties").EnumerateObject().Select(p => p.Name),
            Is.EquivalentTo(new[] { "filterAgentAccount", "querySonMode" }));
        Assert.That(filter.GetProperty("required").EnumerateArray().Select(e => e.GetString()),
            Is.EquivalentTo(new[] { "filterAgentAccount", "querySonMode" }));
    }

    [Test]
    public void AnswersCarryRetCodeAndTheResponseRecord()
    {
        var schemas = _doc.GetProperty("components").GetProperty("schemas");
        string reference = Post("GetCustomer").GetProperty("responses").GetProperty("200").GetProperty("content")
            .GetProperty("application/json").GetProperty("schema").GetProperty("$ref").GetString()!;
        var answer = schemas.GetProperty(reference.Split('/')[^1]);
        var envelope = schemas.GetProperty("VosResponse");

        Assert.That(reference, Does.EndWith("/GetCustomerResponse"));
        Assert.That(answer.GetProperty("properties").GetProperty("infoCustomers").GetProperty("type").GetString(), Is.EqualTo("array"));
        Assert.That(answer.GetProperty("properties").GetProperty("retCode").GetProperty("type").GetString(), Is.EqualTo("integer"));
        Assert.That(envelope.GetProperty("properties").GetProperty("exception").GetProperty("type").GetString(), Is.EqualTo("string"));
        Assert.That(envelope.GetProperty("required").EnumerateArray().Select(e => e.GetString()), Is.EqualTo(new[] { "retCode" }));
        foreach (var schema in schemas.EnumerateObject())
        {
            foreach (var property in schema.Value.GetProperty("properties").EnumerateObject())
            {
                if (property.Value.TryGetProperty("$ref", out var r))
                {
                    Assert.That(schemas.TryGetProperty(r.GetString()!.Split('/')[^1], out _), Is.True, $"{schema.Name}.{property.Name}: dangling {r}");
                }
            }
        }
    }

    [Test]
    public void TheTestPageIsSelfContained()
    {
        var response = _host.Client.GetAsync(new Uri("/external/test/server", UriKind.Relative)).GetAwaiter().GetResult();
        string html = response.Content.ReadAsStringAsync().GetAwaiter().GetResult();

        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("text/html"));
        Assert.That(html, Does.Contain("/openapi.json"));
        Assert.That(html, Does.Not.Contain("http://").And.Not.Contain("https://").And.Not.Contain("src="),
            "no CDN or external resource: the page must work offline");
    }

    private JsonElement Post(string name) =>
        _doc.GetProperty("paths").GetProperty("/external/server/" + name).GetProperty("post");

    private JsonElement Media(string name) =>
        Post(name).GetProperty("requestBody").GetProperty("content").GetProperty("application/json");
}
