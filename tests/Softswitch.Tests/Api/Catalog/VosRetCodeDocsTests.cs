using Softswitch.Api.Vos;
using Softswitch.Tests.Api.Hosting;

namespace Softswitch.Tests.Api.Catalog;

/// <summary>docs/api-errors.md lists every retCode the interface answers, by number and name, as the code declares them.</summary>
public sealed class VosRetCodeDocsTests
{
    [Test]
    public void EveryRetCodeHasItsRowInTheErrorTable()
    {
        string doc = File.ReadAllText(Path.Combine(ConfigurationDocsTests.RepositoryRoot(), "docs", "api-errors.md"));
        var missing = Enum.GetValues<VosRetCode>()
            .Where(code => !doc.Contains($"| {(int)code} | {code} |", StringComparison.Ordinal))
            .Select(code => $"{(int)code} {code}")
            .ToList();
        Assert.That(missing, Is.Empty);
    }
}
