using Softswitch.Core.Calls;

namespace Softswitch.Tests.Core.Calls;

/// <summary>
/// docs/call-states.md and docs/end-reasons.md are rendered from the tables; these fail when the committed files
/// differ. Run with SOFTSWITCH_UPDATE_DOCS=1 to rewrite them from the code.
/// </summary>
public class CallDocsTests
{
    [TestCase("call-states.md")]
    [TestCase("end-reasons.md")]
    public void CommittedDocsMatchTheTables(string file)
    {
        string expected = file == "call-states.md" ? CallDocs.RenderStates() : CallDocs.RenderEndReasons();
        string path = Path.Combine(RepositoryRoot(), "docs", file);
        if (Environment.GetEnvironmentVariable("SOFTSWITCH_UPDATE_DOCS") == "1")
        {
            File.WriteAllText(path, expected);
        }
        Assert.That(File.Exists(path), Is.True, $"{path} is missing");
        Assert.That(File.ReadAllText(path).ReplaceLineEndings("\n"), Is.EqualTo(expected.ReplaceLineEndings("\n")),
            $"docs/{file} differs from the code: regenerate with SOFTSWITCH_UPDATE_DOCS=1 dotnet test");
    }

    private static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(TestContext.CurrentContext.TestDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Softswitch.sln")))
        {
            dir = dir.Parent;
        }
        return dir?.FullName ?? throw new InvalidOperationException("Softswitch.sln not found above the test directory.");
    }
}
