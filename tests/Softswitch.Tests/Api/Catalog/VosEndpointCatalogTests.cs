using System.Text.Json;
using Softswitch.Api.Vos;
using Softswitch.Api.Vos.Catalog;

namespace Softswitch.Tests.Api.Catalog;

/// <summary>
/// The catalog is what the routing table holds, and each entry's documentation is consistent with its request
/// type: these run over every interface anyone maps, so a new endpoint with a broken example fails here.
/// </summary>
public sealed class VosEndpointCatalogTests
{
    private VosApiHost _host = null!;
    private VosEndpointCatalog _catalog = null!;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        _host = await VosApiHost.StartAsync();
        _catalog = VosEndpointCatalog.From(_host.Services);
    }

    [OneTimeTearDown]
    public async Task StopAsync() => await _host.DisposeAsync();

    [Test]
    public void ListsTheMappedInterfacesWithTheirFullPath()
    {
        string[] names = ["CreateCustomer", "ModifyCustomer", "DeleteCustomer", "GetCustomer", "CreatePhone",
            "ModifyPhone", "DeletePhone", "GetPhone", "GetPhoneOnline", "GetAllPhoneOnline"];

        Assert.That(_catalog.Entries.Select(e => e.Name), Is.SupersetOf(names));
        Assert.That(_catalog.Entries.Select(e => e.Path), Has.All.EqualTo("/external/server/").Or.StartsWith("/external/server/"));
        Assert.That(_catalog.Find("getcustomer")?.Path, Is.EqualTo("/external/server/GetCustomer"));
        Assert.That(_catalog.Entries.Select(e => e.Name), Is.Unique);
    }

    [Test]
    public void IsOrderedBySectionNumerically()
    {
        var sections = _catalog.Entries.Where(e => !e.Doc.Extension).Select(e => e.Doc.Section)
            .Select(s => s.Split('.').Select(int.Parse).ToArray()).ToArray();

        for (int i = 1; i < sections.Length; i++)
        {
            Assert.That(sections[i - 1][0] * 1000 + sections[i - 1][1], Is.LessThanOrEqualTo(sections[i][0] * 1000 + sections[i][1]));
        }
    }

    [Test]
    public void EveryExampleIsAnObjectWithTheMandatoryFieldsThatBindsToItsRequest()
    {
        Assert.Multiple(() =>
        {
            foreach (var entry in _catalog.Entries)
            {
                using var example = JsonDocument.Parse(entry.Doc.Example);
                Assert.That(example.RootElement.ValueKind, Is.EqualTo(JsonValueKind.Object), entry.Name);
                foreach (string field in entry.Doc.Mandatory.Where(f => !f.Contains('.', StringComparison.Ordinal)))
                {
                    Assert.That(example.RootElement.TryGetProperty(field, out _), Is.True, $"{entry.Name}: example lacks '{field}'");
                }
                Assert.That(() => example.RootElement.Deserialize(entry.RequestType, VosJson.Options), Throws.Nothing, entry.Name);
                Assert.That(entry.Doc.Summary, Is.Not.Empty, entry.Name);
                Assert.That(entry.Doc.Response is null || entry.Doc.Response.IsAssignableTo(typeof(VosResponse)), Is.True, entry.Name);
            }
        });
    }
}
