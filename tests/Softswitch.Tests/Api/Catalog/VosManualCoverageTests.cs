using System.Text.Json;
using Softswitch.Api.Vos;
using Softswitch.Api.Vos.Catalog;

namespace Softswitch.Tests.Api.Catalog;

/// <summary>
/// Every interface the manual names (001_… §3-§5, extracted from the manual's own text into
/// Data/vos-manual/interfaces.tsv, see <see cref="VosManual"/>) is routed, declared through the
/// catalog, and documented under one of the sections the manual gives it. Interfaces still being written are
/// listed in <see cref="NotYetImplemented"/>; the list must shrink to empty, and a routed name left in it fails the
/// test, so the list cannot go stale.
/// </summary>
public sealed class VosManualCoverageTests
{
    /// <summary>Remove a name when its interface is mapped (docs/api-endpoints.md, "How to add an endpoint").</summary>
    private static readonly HashSet<string> NotYetImplemented = new(StringComparer.Ordinal)
    {
    };

    private VosApiHost _host = null!;
    private IReadOnlyDictionary<string, IReadOnlyList<string>> _manual = null!;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        _manual = VosManual.Interfaces();
        _host = await VosApiHost.StartAsync();
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }
    }

    [Test]
    public void TheManualIsReadCompletely()
    {
        // 91 distinct interface names in document version 05; a data file with fewer was cut short.
        Assert.That(_manual, Has.Count.EqualTo(91));
        Assert.That(_manual.Keys, Does.Contain("DeleteIpLimit"), "the manual's 'Delete IpLimit' (§3.87), space dropped");
        Assert.That(NotYetImplemented, Is.SubsetOf(_manual.Keys), "NotYetImplemented names an interface the manual lacks");
    }

    [Test]
    public void ARowWithoutItsSectionIsRefusedNotSkipped()
    {
        Assert.That(VosManual.Interfaces(["# comment", "GetCustomer\t3.4\t查询账户"])["GetCustomer"], Is.EqualTo(new[] { "3.4" }));
        Assert.Throws<FormatException>(() => VosManual.Interfaces(["GetCustomer\t\t查询账户"]));
        Assert.Throws<FormatException>(() => VosManual.Interfaces(["GetCustomer 3.4"]));
    }

    [Test]
    public async Task EveryInterfaceOfTheManualIsRoutedOrListedAsNotYetImplemented()
    {
        var catalog = VosEndpointCatalog.From(_host.Services);
        var problems = new List<string>();
        foreach (var (name, sections) in _manual.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            bool routed = await IsRoutedAsync(name);
            if (routed && NotYetImplemented.Contains(name))
            {
                problems.Add($"{name} is routed: remove it from NotYetImplemented");
            }
            else if (!routed && !NotYetImplemented.Contains(name))
            {
                problems.Add($"{name} (§{string.Join("/§", sections)}) is not routed");
            }
            else if (routed && catalog.Find(name) is null)
            {
                problems.Add($"{name} is routed but not declared with MapVos, so it is missing from the catalog");
            }
            else if (routed && !catalog.Find(name)!.Doc.Extension && !sections.Contains(catalog.Find(name)!.Doc.Section))
            {
                problems.Add($"{name} is documented as §{catalog.Find(name)!.Doc.Section}, the manual has §{string.Join("/§", sections)}");
            }
        }
        Assert.That(problems, Is.Empty, string.Join(Environment.NewLine, problems));
        TestContext.Out.WriteLine($"Not yet implemented ({NotYetImplemented.Count}): {string.Join(", ", NotYetImplemented.Order(StringComparer.Ordinal))}");
    }

    /// <summary>Routed = answers POST {} with a JSON body whose integer retCode is not UnknownInterface.</summary>
    private async Task<bool> IsRoutedAsync(string name)
    {
        var response = await _host.PostRawAsync(name, "{}", "application/json");
        string text = await response.Content.ReadAsStringAsync();
        try
        {
            using var json = JsonDocument.Parse(text);
            return json.RootElement.ValueKind == JsonValueKind.Object &&
                   json.RootElement.TryGetProperty("retCode", out var code) &&
                   code.ValueKind == JsonValueKind.Number && code.TryGetInt32(out int retCode) &&
                   retCode != (int)VosRetCode.UnknownInterface;
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
