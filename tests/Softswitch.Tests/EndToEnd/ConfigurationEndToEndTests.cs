using System.Net;
using System.Net.Sockets;
using Softswitch.Api.Hosting;
using Softswitch.Tests.EndToEnd.Support;

namespace Softswitch.Tests.EndToEnd;

/// <summary>
/// Configuration faults on the real process: each ends with one line naming the key or option and the value, no stack
/// trace, exit code 2; --help exits 0; SOFTSWITCH_* variables and relative paths work as docs/configuration.md says.
/// </summary>
[Category("EndToEnd")]
[NonParallelizable]
public class ConfigurationEndToEndTests
{
    private string _dir = null!;

    [SetUp]
    public void SetUp()
    {
        _dir = Path.Combine(Path.GetTempPath(), "softswitch-conf-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path.Combine(_dir, "conf"));
    }

    [TearDown]
    public void TearDown() => Directory.Delete(_dir, recursive: true);

    private string[] Ephemeral(params string[] extra) =>
        ["--sip-port", "0", "--http-port", "0", "--bind", "127.0.0.1", "--db", Path.Combine(_dir, "s.db"), .. extra];

    private static void AssertOneLineFault(int exit, string stderr, params string[] expected)
    {
        Assert.Multiple(() =>
        {
            Assert.That(exit, Is.EqualTo(2), stderr);
            foreach (string text in expected)
            {
                Assert.That(stderr, Does.Contain(text));
            }
            Assert.That(stderr, Does.Not.Contain("   at "), "no stack trace");
            Assert.That(stderr.Trim().Split('\n'), Has.Length.EqualTo(1), "one line");
        });
    }

    [TestCase("""{ "calls": { "timeoutRingingSeconds": 0 } }""", "calls.timeoutRingingSeconds: 0 is out of range 1-3600")]
    [TestCase("""{ "registrar": { "minExpires": "fifty" } }""", "registrar.minExpires: 'fifty' is not a whole number")]
    [TestCase("""{ "calls": { "mediaCheckDirection": "Sideways" } }""", "calls.mediaCheckDirection: 'Sideways' is not one of None, Sent, Received, Both")]
    [TestCase("""{ "rtp": { "ports": "20000-29999" } }""", "rtp.ports: unknown configuration key")]
    [TestCase("""{ "sip": { "port": 5060 """, "softswitch.json: not valid JSON")]
    public async Task BadConfigFileExitsTwoNamingTheKey(string json, string expected)
    {
        // Found as conf/softswitch.json in the working directory, as `dotnet run` from the repository root finds it.
        await File.WriteAllTextAsync(Path.Combine(_dir, "conf", "softswitch.json"), json);
        var (exit, _, stderr) = await SwitchRun.RunAsync(_dir, null, Ephemeral());
        AssertOneLineFault(exit, stderr, expected);
    }

    [Test]
    public async Task DatabaseThatIsNotSqliteIsNamed()
    {
        string notADatabase = Path.Combine(_dir, "notes.txt");
        await File.WriteAllTextAsync(notADatabase, new string('x', 4096));
        var (exit, _, stderr) = await SwitchRun.RunAsync(_dir, null,
            ["--sip-port", "0", "--http-port", "0", "--bind", "127.0.0.1", "--db", notADatabase]);
        AssertOneLineFault(exit, stderr, "database.path: '" + notADatabase + "'", "--db");
    }

    [Test]
    public async Task MissingConfigFileIsNamed()
    {
        var (exit, _, stderr) = await SwitchRun.RunAsync(_dir, null, Ephemeral("--config", "nowhere.json"));
        AssertOneLineFault(exit, stderr, "--config: 'nowhere.json' is not a file");
    }

    [TestCase("--http-port", "70000")]
    [TestCase("--sip-port", "-5")]
    [TestCase("--rtp-ports", "100-200")]
    public async Task OutOfRangeOptionExitsTwo(string option, string value)
    {
        var (exit, _, stderr) = await SwitchRun.RunAsync(_dir, null, option, value);
        AssertOneLineFault(exit, stderr, $"{option}: '{value}'");
    }

    [Test]
    public async Task UnknownOptionIsNamed()
    {
        var (exit, _, stderr) = await SwitchRun.RunAsync(_dir, null, "--sip-prot", "5060");
        AssertOneLineFault(exit, stderr, "unknown option '--sip-prot'");
    }

    [Test]
    public async Task SipUdpPortInUseIsNamed()
    {
        using var holder = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        holder.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        int port = ((IPEndPoint)holder.LocalEndPoint!).Port;
        var (exit, _, stderr) = await SwitchRun.RunAsync(_dir, null, Ephemeral("--sip-port", port.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        AssertOneLineFault(exit, stderr, $"SIP UDP port {port} on 127.0.0.1: already in use", "--sip-port");
    }

    [Test]
    public async Task SipTcpPortInUseIsNamed()
    {
        using var holder = new TcpListener(IPAddress.Loopback, 0);
        holder.Start();
        int port = ((IPEndPoint)holder.LocalEndpoint).Port;
        var (exit, _, stderr) = await SwitchRun.RunAsync(_dir, null, Ephemeral("--sip-port", port.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        AssertOneLineFault(exit, stderr, $"SIP TCP port {port} on 127.0.0.1: already in use", "--sip-port");
    }

    [Test]
    public async Task HttpPortInUseIsNamed()
    {
        using var holder = new TcpListener(IPAddress.Loopback, 0);
        holder.Start();
        int port = ((IPEndPoint)holder.LocalEndpoint).Port;
        var (exit, _, stderr) = await SwitchRun.RunAsync(_dir, null, Ephemeral("--http-port", port.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        AssertOneLineFault(exit, stderr, $"HTTP port {port} on 127.0.0.1: already in use", "--http-port");
    }

    [Test]
    public async Task RtpRangeAllInUseIsNamed()
    {
        // An ephemeral even port held: the range P-(P+1) holds that one pair only.
        var held = new List<Socket>();
        try
        {
            int port;
            do
            {
                var s = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
                held.Add(s);
                s.Bind(new IPEndPoint(IPAddress.Loopback, 0));
                port = ((IPEndPoint)s.LocalEndPoint!).Port;
            }
            while ((port % 2 != 0 || port >= 65535) && held.Count < 50);
            Assume.That(port % 2, Is.Zero, "no even ephemeral port in 50 tries");
            string range = $"{port}-{port + 1}";
            var (exit, _, stderr) = await SwitchRun.RunAsync(_dir, null, Ephemeral("--rtp-ports", range));
            AssertOneLineFault(exit, stderr, $"RTP ports {range} on 127.0.0.1: all already in use", "--rtp-ports");
        }
        finally
        {
            held.ForEach(s => s.Dispose());
        }
    }

    [Test]
    public async Task HelpListsEveryOptionOnceOnStdout()
    {
        var (exit, stdout, stderr) = await SwitchRun.RunAsync(_dir, null, "--help");
        Assert.Multiple(() =>
        {
            Assert.That(exit, Is.Zero);
            Assert.That(stderr, Is.Empty);
            string[] lines = stdout.Split('\n');
            foreach (var option in CommandLine.Options)
            {
                Assert.That(lines.Count(l => l.StartsWith("  " + option.Name, StringComparison.Ordinal)), Is.EqualTo(1), option.Name);
            }
            foreach (string contract in new[] { "--sip-port N", "--http-port N", "--bind ADDR", "--rtp-ports A-B", "--db PATH", "--no-demo" })
            {
                Assert.That(stdout, Does.Contain("  " + contract));
            }
            Assert.That(stdout, Does.Contain("SOFTSWITCH_SIP__PORT=N"));
        });
    }

    [Test]
    public async Task EnvironmentVariablesConfigureTheSwitchAndTheCommandLineWins()
    {
        var environment = new Dictionary<string, string>
        {
            ["SOFTSWITCH_SIP__PORT"] = "70000", // overridden by --sip-port below
            ["SOFTSWITCH_HTTP__PORT"] = "0",
            ["SOFTSWITCH_SIP__BINDADDRESS"] = "127.0.0.1",
            ["SOFTSWITCH_RTP__BINDADDRESS"] = "127.0.0.1",
            ["SOFTSWITCH_DATABASE__PATH"] = "env/switch.db",
            ["SOFTSWITCH_DEMO__ENABLED"] = "false",
        };
        using var run = SwitchRun.Start(_dir, environment, "--sip-port", "0");
        Assert.That(await run.WaitForOutputAsync("HTTP listening on", TimeSpan.FromSeconds(30)), Is.True, run.Stdout + run.Stderr);
        Assert.That(await run.WaitForOutputAsync("; database ", TimeSpan.FromSeconds(5)), Is.True, run.Stdout);
        string db = Path.Combine(_dir, "env", "switch.db");
        Assert.Multiple(() =>
        {
            Assert.That(run.Stdout, Does.Contain("database " + db), "a relative database.path resolves against the working directory");
            Assert.That(File.Exists(db), Is.True);
            Assert.That(run.Stdout, Does.Match(@"SIP listening on udp\+tcp 127\.0\.0\.1:\d+"));
            Assert.That(run.Stdout, Does.Not.Contain("Demo phone"), "SOFTSWITCH_DEMO__ENABLED=false");
        });
    }

    [Test]
    public async Task EnvironmentValueIsValidatedLikeTheFile()
    {
        var environment = new Dictionary<string, string> { ["SOFTSWITCH_CALLS__TIMEOUTINVITESECONDS"] = "0" };
        var (exit, _, stderr) = await SwitchRun.RunAsync(_dir, environment, Ephemeral());
        AssertOneLineFault(exit, stderr, "calls.timeoutInviteSeconds: 0 is out of range");
    }
}
