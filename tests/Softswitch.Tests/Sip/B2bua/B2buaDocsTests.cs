using Softswitch.Sip.B2bua;
using Softswitch.Tests.Api.Hosting;

namespace Softswitch.Tests.Sip.B2bua;

/// <summary>docs/b2bua-states.md is rendered from the bridge and leg tables; this fails when the committed file differs.</summary>
public class B2buaDocsTests
{
    [Test]
    public void CommittedDocMatchesTheTables()
    {
        string expected = B2buaDocs.Render();
        string path = Path.Combine(ConfigurationDocsTests.RepositoryRoot(), "docs", "b2bua-states.md");
        if (Environment.GetEnvironmentVariable("SOFTSWITCH_UPDATE_DOCS") == "1")
        {
            File.WriteAllText(path, expected);
        }
        Assert.That(File.Exists(path), Is.True, $"{path} is missing");
        Assert.That(File.ReadAllText(path).ReplaceLineEndings("\n"), Is.EqualTo(expected.ReplaceLineEndings("\n")),
            "docs/b2bua-states.md differs from the code: regenerate with SOFTSWITCH_UPDATE_DOCS=1 dotnet test");
    }
}
