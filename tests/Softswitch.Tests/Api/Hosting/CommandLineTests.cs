using Softswitch.Api.Hosting;

namespace Softswitch.Tests.Api.Hosting;

public class CommandLineTests
{
    [Test]
    public void OptionsBecomeConfigurationKeys()
    {
        var parsed = CommandLine.Parse(["--sip-port", "5070", "--http-port=0", "--bind", "127.0.0.1", "--rtp-ports", "30000-30099", "--db", "x.db", "--no-demo", "--config", "my.json"]);
        Assert.That(parsed.Error, Is.Null);
        Assert.That(parsed.ConfigFile, Is.EqualTo("my.json"));
        Assert.That(parsed.Overrides, Is.EquivalentTo(new Dictionary<string, string?>
        {
            ["sip:port"] = "5070",
            ["http:port"] = "0",
            ["sip:bindAddress"] = "127.0.0.1",
            ["rtp:bindAddress"] = "127.0.0.1",
            ["rtp:portRangeStart"] = "30000",
            ["rtp:portRangeEnd"] = "30099",
            ["database:path"] = "x.db",
            ["demo:enabled"] = "false",
        }));
    }

    [TestCase(new[] { "--sip-port", "70000" }, "--sip-port: '70000' is not a port (0-65535)")]
    [TestCase(new[] { "--http-port", "-1" }, "--http-port: '-1' is not a port (0-65535)")]
    [TestCase(new[] { "--rtp-ports", "30000-20000" }, "--rtp-ports: '30000-20000' is not a range")]
    [TestCase(new[] { "--rtp-ports", "80-90" }, "--rtp-ports: '80-90' is not a range")]
    [TestCase(new[] { "--bind", "example.com" }, "--bind: 'example.com' is not an IP address")]
    [TestCase(new[] { "--db" }, "--db needs a value (--db PATH)")]
    [TestCase(new[] { "--no-demo=yes" }, "--no-demo takes no value (got 'yes')")]
    [TestCase(new[] { "--frobnicate" }, "unknown option '--frobnicate'")]
    [TestCase(new[] { "5060" }, "unknown option '5060'")]
    public void BadOptionIsNamedWithItsValue(string[] args, string expected)
    {
        Assert.That(CommandLine.Parse(args).Error, Does.StartWith(expected));
    }

    [TestCase("--help")]
    [TestCase("-h")]
    public void HelpIsRecognisedAnywhere(string flag)
    {
        Assert.That(CommandLine.Parse(["--sip-port", "0", flag]).Help, Is.True);
    }

    [Test]
    public void HelpListsEveryOptionOnceWithDefaultAndEnvironmentForm()
    {
        string[] lines = CommandLine.Help().Split('\n');
        Assert.Multiple(() =>
        {
            foreach (var option in CommandLine.Options)
            {
                Assert.That(lines.Count(l => l.StartsWith("  " + option.Name + " ", StringComparison.Ordinal) || l == "  " + option.Name),
                    Is.EqualTo(1), option.Name);
            }
            Assert.That(lines, Has.Some.Contains("default: 5060"));
            Assert.That(lines, Has.Some.Contains("environment: SOFTSWITCH_SIP__PORT=N"));
            Assert.That(lines, Has.Some.Contains("environment: SOFTSWITCH_RTP__PORTRANGESTART=A SOFTSWITCH_RTP__PORTRANGEEND=B"));
        });
    }

    [Test]
    public void EveryOptionOfTheRunContractExists()
    {
        // The run contract (docs/architecture.md): scripts rely on these names.
        Assert.That(CommandLine.Options.Select(o => o.Name),
            Is.SupersetOf(new[] { "--sip-port", "--http-port", "--bind", "--rtp-ports", "--db", "--no-demo", "--config", "--help" }));
    }

    [TestCase("sip.port", "SOFTSWITCH_SIP__PORT")]
    [TestCase("sip.timers.t1", "SOFTSWITCH_SIP__TIMERS__T1")]
    public void EnvironmentNameUsesDoubleUnderscoreBetweenLevels(string key, string expected)
    {
        Assert.That(CommandLineOption.EnvironmentName(key), Is.EqualTo(expected));
    }
}
