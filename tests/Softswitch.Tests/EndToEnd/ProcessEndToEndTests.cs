using Softswitch.Tests.EndToEnd.Support;

namespace Softswitch.Tests.EndToEnd;

/// <summary>The run contract on a real process: banner with demo credentials, /healthz, signals, state kept across restarts.</summary>
[Category("EndToEnd")]
[NonParallelizable]
public class ProcessEndToEndTests
{
    private string _dir = null!;

    [SetUp]
    public void SetUp()
    {
        _dir = Path.Combine(Path.GetTempPath(), "softswitch-proc-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_dir);
    }

    [TearDown]
    public void TearDown() => Directory.Delete(_dir, recursive: true);

    [TestCase(SwitchProcess.SigTerm)]
    [TestCase(SwitchProcess.SigInt)]
    public async Task SignalStopsTheSwitchWithExitCodeZeroWithinTenSeconds(int signal)
    {
        using var process = await SwitchProcess.StartAsync(Path.Combine(_dir, "s.db"));
        using var http = new HttpClient();
        var health = await http.GetAsync(new Uri($"http://127.0.0.1:{process.HttpPort}/healthz"));
        Assert.That((int)health.StatusCode, Is.EqualTo(200));

        int? exit = await process.SignalAndWaitAsync(signal, TimeSpan.FromSeconds(10));
        Assert.That(exit, Is.EqualTo(0), process.Output);
    }

    [Test]
    public async Task DemoCredentialsArePrintedAndKeptAcrossRestarts()
    {
        string db = Path.Combine(_dir, "s.db");
        string first;
        using (var process = await SwitchProcess.StartAsync(db))
        {
            Assert.That(await process.WaitForOutputAsync(SwitchProcess.StartedLine), Is.True, process.Output);
            first = process.Output;
            Assert.That(await process.SignalAndWaitAsync(SwitchProcess.SigTerm, TimeSpan.FromSeconds(10)), Is.EqualTo(0));
        }
        Assert.That(first, Does.Match(@"Demo phone 1001 password \S+"));
        Assert.That(first, Does.Match(@"Demo phone 1002 password \S+"));
        Assert.That(first, Does.Match(@"Demo carrier demo-carrier on udp\+tcp 127\.0\.0\.1:\d+: a demo phone dialling 9<number> reaches it through routing gateway demo-carrier \(prefix 9, "));
        using (var again = await SwitchProcess.StartAsync(db))
        {
            Assert.That(await again.WaitForOutputAsync(SwitchProcess.StartedLine), Is.True, again.Output);
            string line1001 = first.Split('\n').First(l => l.StartsWith("Demo phone 1001", StringComparison.Ordinal));
            Assert.That(again.Output, Does.Contain(line1001.Split(" (")[0]), "the same password is printed on the second start");
        }
    }

    [Test]
    public async Task NoDemoCreatesNoPhonesNorCarrier()
    {
        using var process = await SwitchProcess.StartAsync(Path.Combine(_dir, "s.db"), "--no-demo");
        Assert.That(await process.WaitForOutputAsync(SwitchProcess.StartedLine), Is.True, process.Output);
        Assert.That(process.Output, Does.Not.Contain("Demo phone"));
        Assert.That(process.Output, Does.Not.Contain("Demo carrier"));
    }

    [Test]
    public async Task BadOptionExitsWithUsage()
    {
        var psi = new System.Diagnostics.ProcessStartInfo("dotnet") { RedirectStandardError = true, RedirectStandardOutput = true };
        psi.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Softswitch.Api.dll"));
        psi.ArgumentList.Add("--sip-port");
        psi.ArgumentList.Add("seventy");
        using var p = System.Diagnostics.Process.Start(psi)!;
        string err = await p.StandardError.ReadToEndAsync();
        await p.WaitForExitAsync();
        Assert.That(p.ExitCode, Is.EqualTo(2));
        Assert.That(err, Does.Contain("--sip-port"));
    }
}
