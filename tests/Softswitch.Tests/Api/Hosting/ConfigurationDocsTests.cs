using System.Reflection;
using Microsoft.Extensions.Configuration;
using Softswitch.Api.Hosting;
using Softswitch.Core.Configuration;

namespace Softswitch.Tests.Api.Hosting;

/// <summary>
/// docs/configuration.md is rendered from the options classes and fails here when the committed file differs (run
/// with SOFTSWITCH_UPDATE_DOCS=1 to rewrite it); the shipped conf/softswitch.json must hold the documented defaults.
/// </summary>
public class ConfigurationDocsTests
{
    [Test]
    public void CommittedReferenceMatchesTheOptionsClasses()
    {
        string expected = ConfigurationDocs.Render();
        string path = Path.Combine(RepositoryRoot(), "docs", "configuration.md");
        if (Environment.GetEnvironmentVariable("SOFTSWITCH_UPDATE_DOCS") == "1")
        {
            File.WriteAllText(path, expected);
        }
        Assert.That(File.ReadAllText(path).ReplaceLineEndings("\n"), Is.EqualTo(expected.ReplaceLineEndings("\n")),
            "docs/configuration.md differs from the code: regenerate with SOFTSWITCH_UPDATE_DOCS=1 dotnet test");
    }

    [Test]
    public void ReferenceListsEveryKeyAndOption()
    {
        string doc = ConfigurationDocs.Render();
        Assert.Multiple(() =>
        {
            foreach (var section in ConfigSections.All)
            {
                foreach (var property in OptionRules.Keys(section.OptionsType))
                {
                    Assert.That(doc, Does.Contain($"| `{section.Key}.{OptionRules.KeyOf(property)}` |"));
                }
            }
            foreach (var option in CommandLine.Options)
            {
                Assert.That(doc, Does.Contain($"| `{option.Synopsis}` |"));
            }
            Assert.That(doc, Does.Contain("`Received` (2)"), "calls.mediaCheckDirection's values are listed");
            Assert.That(doc, Does.Not.Contain("501 Not Implemented"), "INVITE is answered by the B2BUA, not 501");
        });
    }

    [Test]
    public void EveryKeyHasADescription()
    {
        var missing = ConfigSections.All
            .SelectMany(s => OptionRules.Keys(s.OptionsType).Select(p => (s.Key, Property: p)))
            .Where(k => XmlDocComments.Summary(k.Property).Length == 0)
            .Select(k => $"{k.Key}.{OptionRules.KeyOf(k.Property)}")
            .ToList();
        Assert.That(missing, Is.Empty, "give these properties a <summary>: it is their line in docs/configuration.md");
        Assert.That(ConfigSections.All.Where(s => XmlDocComments.Summary(s.OptionsType).Length == 0).Select(s => s.Key), Is.Empty);
    }

    /// <summary>Options classes not in the catalog are built from a section that is (AuthOptions makes both).</summary>
    private static readonly Type[] DerivedOptions = [typeof(Softswitch.Sip.Auth.DigestAuthOptions), typeof(Softswitch.Sip.Auth.AuthThrottleOptions)];

    [Test]
    public void EveryOptionsClassIsASectionOrDerivedFromOne()
    {
        var assemblies = new[] { typeof(ConfigSections).Assembly, typeof(OptionRules).Assembly, typeof(Softswitch.Sip.SipEngine).Assembly };
        var optionsClasses = assemblies.SelectMany(a => a.GetTypes())
            .Where(t => t is { IsClass: true, IsAbstract: false } && t.Name.EndsWith("Options", StringComparison.Ordinal))
            .ToList();
        Assert.That(optionsClasses, Is.Not.Empty);
        var unregistered = optionsClasses.Where(t => ConfigSections.All.All(s => s.OptionsType != t) && !DerivedOptions.Contains(t));
        Assert.That(unregistered.Select(t => t.FullName), Is.Empty, "bind and validate it through ConfigSections.All");
        Assert.That(ConfigSections.All.Select(s => s.Key), Is.Unique);
    }

    [Test]
    public void ShippedConfigurationHoldsTheDefaults()
    {
        var shipped = new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(RepositoryRoot(), "conf", "softswitch.json"), optional: false)
            .Build();
        Assert.That(ConfigSections.UnknownKeys(shipped), Is.Empty, "every key of conf/softswitch.json is read by an options class");
        Assert.Multiple(() =>
        {
            foreach (var section in ConfigSections.All)
            {
                var config = shipped.GetSection(section.Path);
                if (!config.Exists())
                {
                    continue;
                }
                object defaults = Activator.CreateInstance(section.OptionsType)!;
                object bound = section.Read(config);
                foreach (var property in OptionRules.Keys(section.OptionsType).Where(p => config.GetSection(p.Name).Exists() || config.GetSection(p.Name).Value is not null))
                {
                    Assert.That(OptionRules.Format(property.GetValue(bound)), Is.EqualTo(OptionRules.Format(ConfigurationDocs.DefaultOf(property, defaults))),
                        $"conf/softswitch.json {section.Key}.{OptionRules.KeyOf(property)} differs from the documented default");
                }
            }
        });
    }

    internal static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(TestContext.CurrentContext.TestDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Softswitch.sln")))
        {
            dir = dir.Parent;
        }
        return dir?.FullName ?? throw new InvalidOperationException("Softswitch.sln not found above the test directory.");
    }
}
