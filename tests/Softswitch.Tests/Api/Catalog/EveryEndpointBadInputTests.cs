using System.Text.Json;
using System.Text.Json.Nodes;
using Softswitch.Api.Vos;
using Softswitch.Api.Vos.Catalog;

namespace Softswitch.Tests.Api.Catalog;

/// <summary>
/// Table-driven over every interface in the catalog (so every endpoint of the manual and every extension): each
/// mandatory field missing is refused naming the field, an empty body is refused when anything is mandatory, and a
/// string where the example has a number is refused as a wrong type — never coerced.
/// </summary>
public sealed class EveryEndpointBadInputTests
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

    private static IEnumerable<VosEndpointEntry> WithMandatory(VosEndpointCatalog catalog) =>
        catalog.Entries.Where(e => e.Doc.Mandatory.Any(f => !f.Contains('.', StringComparison.Ordinal)));

    [Test]
    public async Task EachMandatoryFieldMissingIsRefusedNamingIt()
    {
        var failures = new List<string>();
        int checkedFields = 0;
        foreach (var entry in WithMandatory(_catalog))
        {
            foreach (string field in entry.Doc.Mandatory.Where(f => !f.Contains('.', StringComparison.Ordinal)))
            {
                var body = JsonNode.Parse(entry.Doc.Example)!.AsObject();
                body.Remove(field);
                var answer = await _host.PostAsync(entry.Name, body.ToJsonString());
                int code = answer.GetProperty("retCode").GetInt32();
                string reason = answer.TryGetProperty("exception", out var e) ? e.GetString() ?? "" : "";
                checkedFields++;
                if (code != (int)VosRetCode.MissingField || !reason.Contains(field, StringComparison.Ordinal))
                {
                    failures.Add($"{entry.Name} without '{field}': retCode {code}, \"{reason}\"");
                }
            }
        }
        Assert.That(checkedFields, Is.GreaterThan(100), "the catalog declares the manual's mandatory fields");
        Assert.That(failures, Is.Empty);
    }

    [Test]
    public async Task EmptyBodyIsRefusedWhereFieldsAreMandatory()
    {
        var failures = new List<string>();
        foreach (var entry in WithMandatory(_catalog))
        {
            var answer = await _host.PostAsync(entry.Name, "{}");
            if (answer.GetProperty("retCode").GetInt32() >= 0)
            {
                failures.Add(entry.Name);
            }
        }
        Assert.That(failures, Is.Empty);
    }

    [Test]
    public async Task StringWhereTheExampleHasANumberIsRefused()
    {
        var failures = new List<string>();
        int checkedFields = 0;
        foreach (var entry in _catalog.Entries)
        {
            var example = JsonNode.Parse(entry.Doc.Example)!.AsObject();
            // The first top-level number of the example becomes a string; the rest of the body stays valid.
            var numeric = example.FirstOrDefault(p => p.Value is JsonValue v && v.GetValueKind() == JsonValueKind.Number);
            if (numeric.Key is null)
            {
                continue;
            }
            example[numeric.Key] = "not-a-number";
            var answer = await _host.PostAsync(entry.Name, example.ToJsonString());
            int code = answer.GetProperty("retCode").GetInt32();
            checkedFields++;
            if (code != (int)VosRetCode.WrongType && code != (int)VosRetCode.OutOfRange)
            {
                failures.Add($"{entry.Name}.{numeric.Key} = \"not-a-number\": retCode {code}");
            }
        }
        Assert.That(checkedFields, Is.GreaterThan(20));
        Assert.That(failures, Is.Empty);
    }
}
