using System.Globalization;
using System.Reflection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Softswitch.Api.Hosting;
using Softswitch.Core.Configuration;

namespace Softswitch.Tests.Api.Hosting;

/// <summary>
/// Every section bound and validated as the host does it (ConfigSections): the defaults pass, and each bad value is
/// refused with its key and the value named, through the same IOptions path the start-up takes.
/// </summary>
public class OptionsValidationTests
{
    [Test]
    public void DefaultsOfEverySectionAreValid()
    {
        using var services = Provider(new Dictionary<string, string?>());
        Assert.Multiple(() =>
        {
            foreach (var section in ConfigSections.All)
            {
                Assert.That(() => Value(services, section), Throws.Nothing, section.Key);
            }
        });
    }

    /// <summary>Both sides of every declared range: the documented range is the enforced one.</summary>
    public static IEnumerable<TestCaseData> OutOfRangeValues()
    {
        foreach (var section in ConfigSections.All)
        {
            foreach (var property in OptionRules.Keys(section.OptionsType))
            {
                if (property.GetCustomAttribute<System.ComponentModel.DataAnnotations.RangeAttribute>() is not { Minimum: int min, Maximum: int max })
                {
                    continue;
                }
                string key = $"{section.Key}.{OptionRules.KeyOf(property)}";
                yield return new TestCaseData(key, (min - 1).ToString(CultureInfo.InvariantCulture)).SetName($"{key} below {min}");
                if (max < int.MaxValue)
                {
                    yield return new TestCaseData(key, (max + 1L).ToString(CultureInfo.InvariantCulture)).SetName($"{key} above {max}");
                }
            }
        }
    }

    [TestCaseSource(nameof(OutOfRangeValues))]
    public void OutOfRangeValueIsRefusedNamingKeyAndValue(string key, string value)
    {
        var failures = Failures(key, value);
        Assert.That(failures, Has.Some.StartsWith($"{key}: {value} is out of range"));
    }

    [TestCase("sip.bindAddress", "not-an-ip", "sip.bindAddress: 'not-an-ip' is not an IP address")]
    [TestCase("sip.advertisedAddress", "phone.example", "sip.advertisedAddress: 'phone.example' is not an IP address")]
    [TestCase("http.bindAddress", "localhost", "http.bindAddress: 'localhost' is not an IP address")]
    [TestCase("rtp.bindAddress", "any", "rtp.bindAddress: 'any' is not an IP address")]
    [TestCase("rtp.portRangeEnd", "20000", "rtp.portRangeEnd: 20000 leaves no even/odd RTP/RTCP pair")]
    [TestCase("calls.mediaCheckDirection", "7", "calls.mediaCheckDirection: 7 is not one of None, Sent, Received, Both")]
    [TestCase("registrar.realm", "a\"b", "registrar.realm: 'a\"b' must be non-empty")]
    [TestCase("registrar.maxExpires", "30", "registrar.maxExpires: 30 is below registrar.minExpires (60)")]
    [TestCase("registrar.defaultExpires", "59", "registrar.defaultExpires: 59 must lie between")]
    [TestCase("auth.algorithms:0", "SHA-1", "auth.algorithms: 'SHA-1' is not MD5")]
    [TestCase("sip.timers.t1", "00:00:00", "sip.timers.t1: 00:00:00 must be positive")]
    [TestCase("sip.timers.tryingDelay", "00:00:01", "sip.timers.tryingDelay: 00:00:01 must lie between")]
    [TestCase("database.path", " ", "database.path: '' is empty")]
    [TestCase("cdr.retryDelay", "00:00:00", "cdr.retryDelay: 00:00:00 is out of range")]
    [TestCase("push.url", "ftp://x", "push.url 'ftp://x' is not an absolute http or https URL")]
    public void BadValueIsRefusedNamingKeyAndValue(string key, string value, string expected)
    {
        Assert.That(Failures(key, value), Has.Some.StartsWith(expected));
    }

    [Test]
    public void ValueOfTheWrongTypeNamesKeyAndValue()
    {
        using var services = Provider(new Dictionary<string, string?> { ["sip:port"] = "fifty" });
        var e = Assert.Catch(() => Value(services, ConfigSections.All.Single(s => s.Key == "sip")));
        Assert.That(StartupFaults.Describe(e!), Is.EqualTo(new[] { "sip.port: 'fifty' is not a whole number" }));
    }

    [Test]
    public void UnknownKeysAreNamedAndScalarEnvironmentLeftoversIgnored()
    {
        var config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["sip:prot"] = "5060",
            ["sip:timers:t9"] = "1",
            ["sipp:port"] = "1",
            ["rtp:ports"] = "20000-29999",
            ["sip:port"] = "5060",
            ["sip:timers:t1"] = "00:00:01",
            ["UPDATE_DOCS"] = "1",
            ["Logging:LogLevel:Default"] = "Debug",
        }).Build();
        Assert.That(ConfigSections.UnknownKeys(config), Is.EquivalentTo(new[] { "sip.prot", "sip.timers.t9", "sipp", "rtp.ports" }));
    }

    [Test]
    public void AListKeyReplacesTheDefaultListRatherThanAppendingToIt()
    {
        using var services = Provider(new Dictionary<string, string?> { ["routing:switchErrorCodes:0"] = "486" });
        var routing = (Softswitch.Core.Routing.RoutingOptions)Value(services, ConfigSections.All.Single(s => s.Key == "routing"));
        Assert.That(routing.SwitchErrorCodes, Is.EqualTo(new[] { 486 }));
    }

    [Test]
    public void RegisteringTwiceBindsOnce()
    {
        var services = new ServiceCollection();
        services.AddSoftswitchOptions();
        int count = services.Count;
        services.AddSoftswitchOptions();
        Assert.That(services, Has.Count.EqualTo(count));
    }

    private static List<string> Failures(string key, string value)
    {
        string path = key.Replace('.', ':');
        using var services = Provider(new Dictionary<string, string?> { [path] = value });
        var section = ConfigSections.All.Where(s => path.StartsWith(s.Path + ":", StringComparison.OrdinalIgnoreCase))
            .MaxBy(s => s.Path.Length)!;
        var e = Assert.Catch(() => Value(services, section));
        return e is OptionsValidationException v ? v.Failures.ToList() : [e!.Message];
    }

    private static ServiceProvider Provider(Dictionary<string, string?> values)
    {
        var config = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(config);
        services.AddSoftswitchOptions();
        return services.BuildServiceProvider();
    }

    private static object Value(IServiceProvider services, ConfigSection section)
    {
        object options = services.GetRequiredService(typeof(IOptions<>).MakeGenericType(section.OptionsType));
        try
        {
            return options.GetType().GetProperty("Value")!.GetValue(options)!;
        }
        catch (TargetInvocationException e) when (e.InnerException is not null)
        {
            throw e.InnerException;
        }
    }
}
